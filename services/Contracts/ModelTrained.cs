namespace SlmPlatform.Contracts;

/// <summary>
/// A specialist was trained and registered. Carries ids and held-out figures, never data; the model's artifacts
/// and full metrics are in the training service's registry. <see cref="EventId"/> is derived from the model id.
/// </summary>
public sealed record ModelTrained(
    Guid EventId,
    string TenantId,
    Guid ModelId,
    Guid JobId,
    Guid TaskId,
    string Kind,
    string DatasetId,
    int TestExamples,
    double TestAccuracy,
    double TestMacroF1);
