namespace SlmPlatform.Serving.Model;

/// <summary>
/// A trained specialist as the registry describes it: its id (also its model name on the APIs), its kind, the task it
/// serves, and the artifact to load; for an adapter, the base model it was trained on (catalog, Hugging Face id or Ollama tag).
/// </summary>
public sealed record SpecialistDescriptor(Guid Id, string TenantId, Guid TaskId, string Kind, string ArtifactKey, string ArtifactFormat, DateTimeOffset CreatedAt, string? BaseModel = null)
{
    public string Name => Id.ToString();
}

/// <summary>The kinds of specialist this process can run.</summary>
public static class SpecialistKinds
{
    public const string ClassifierHead = "classifier-head";
    public const string Generative = "generative";
}
