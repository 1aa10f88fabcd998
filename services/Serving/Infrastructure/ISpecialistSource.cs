namespace SlmPlatform.Serving.Infrastructure;

/// <summary>Which trained specialists serving can run (its own registry, kept from <c>ModelTrained</c>) and their artifacts.</summary>
public interface ISpecialistSource
{
    Task<IReadOnlyList<SpecialistDescriptor>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task<SpecialistDescriptor?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken);

    /// <summary>Adds the specialist, or replaces its entry (a redelivered announcement changes nothing).</summary>
    Task RememberAsync(SpecialistDescriptor specialist, CancellationToken cancellationToken);

    /// <summary>Forgets every specialist of the tenant (an erasure of the whole tenant); how many it knew.</summary>
    Task<int> ForgetTenantAsync(string tenantId);

    /// <summary>The artifact's bytes, or null when it is missing.</summary>
    Task<Stream?> OpenArtifactAsync(string artifactKey, CancellationToken cancellationToken);
}
