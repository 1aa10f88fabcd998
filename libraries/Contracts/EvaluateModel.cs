namespace SlmPlatform.Contracts;

/// <summary>
/// A command to the training service: score model <see cref="ModelId"/> as served on dataset <see cref="DatasetId"/>'s
/// test split. The promotion policy sends it for the model serving a task, on a newcomer's test set, so that the two
/// are compared on the same held-out calls. Answered by a <see cref="ModelEvaluated"/> whose
/// <see cref="ModelEvaluated.RequestId"/> is <see cref="CommandId"/>, or by a <see cref="ModelEvaluationRefused"/>
/// when the model or the dataset is unknown there. <see cref="TaskId"/> is the task whose promotion asks: both answers
/// carry it, so that they reach that task's promotion.
/// </summary>
public sealed record EvaluateModel(Guid CommandId, string TenantId, Guid ModelId, string DatasetId, Guid TaskId);
