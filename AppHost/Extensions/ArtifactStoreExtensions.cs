namespace SlmPlatform.AppHost.Extensions;

/// <summary>Where trained models, datasets and checkpoints live: written by the training service, read by serving.</summary>
public sealed record ArtifactStore(string Folder);

public static class ArtifactStoreExtensions
{
    /// <summary>Where deployments mount the volume the two services share (see deploy/README.md).</summary>
    public const string DeployedPath = "/var/lib/slm/artifacts";

    /// <summary>A folder in the state directory in local mode; the shared volume's mount path otherwise.</summary>
    public static ArtifactStore AddArtifactStore(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure) =>
        new(infrastructure.State?.Folder("artifacts") ?? DeployedPath);

    public static IResourceBuilder<ProjectResource> WithArtifactStore(this IResourceBuilder<ProjectResource> service, ArtifactStore store, string setting) =>
        service.WithEnvironment(setting, store.Folder);
}
