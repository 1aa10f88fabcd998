namespace SlmPlatform.Serving.Model;

/// <summary>
/// A trained specialist as the registry describes it: its id (also its model name on the APIs), its kind, the task it
/// serves, and the artifact to load.
/// </summary>
public sealed record SpecialistDescriptor(Guid Id, string TenantId, Guid TaskId, string Kind, string ArtifactKey, string ArtifactFormat, DateTimeOffset CreatedAt)
{
    public string Name => Id.ToString();
}

/// <summary>The kinds of specialist this process can run.</summary>
public static class SpecialistKinds
{
    public const string ClassifierHead = "classifier-head";
    public const string Generative = "generative";
}
