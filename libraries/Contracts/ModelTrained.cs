namespace SlmPlatform.Contracts;

/// <summary>
/// A specialist was trained and registered. Carries ids, held-out figures and where its artifact is, never data:
/// serving keeps its own registry of servable models from this event. <see cref="Artifact"/>, <see cref="BaseModel"/>
/// and <see cref="RegisteredAt"/> are null only in events published before serving kept that registry.
/// <see cref="EventId"/> is derived from the model id.
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
    double TestMacroF1,
    ModelArtifact? Artifact = null,
    string? BaseModel = null,
    DateTimeOffset? RegisteredAt = null);
