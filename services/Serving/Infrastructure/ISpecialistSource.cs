namespace SlmPlatform.Serving.Infrastructure;

/// <summary>Where trained specialists are found: the training service's registry and its artifact store.</summary>
public interface ISpecialistSource
{
    Task<IReadOnlyList<SpecialistDescriptor>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task<SpecialistDescriptor?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken);

    /// <summary>The artifact's bytes, or null when it is missing.</summary>
    Task<Stream?> OpenArtifactAsync(string artifactKey, CancellationToken cancellationToken);
}
