namespace SlmPlatform.AppHost.Extensions;

public static class ReplicaExtensions
{
    /// <summary>The configuration section that sets a service's replicas: <c>./run.sh --Replicas:calls=2</c>.</summary>
    public const string SectionName = "Replicas";

    /// <summary>
    /// Runs the service as <c>Replicas:{name}</c> processes (default one) behind its usual port, which the AppHost's
    /// proxy spreads over them. <paramref name="singleReplicaReason"/> names what keeps a service to one replica in
    /// this mode; asking for more then stops the AppHost with that reason instead of starting replicas that would
    /// each see part of the state.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(
        this IResourceBuilder<ProjectResource> service, string? singleReplicaReason = null)
    {
        var key = $"{SectionName}:{service.Resource.Name}";
        var configured = service.ApplicationBuilder.Configuration[key];
        if (configured is null)
        {
            return service;
        }

        if (!int.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out var replicas) || replicas is < 1 or > 16)
        {
            throw new InvalidOperationException($"{key} is a whole number from 1 to 16, not '{configured}'.");
        }

        if (replicas > 1 && singleReplicaReason is not null)
        {
            throw new InvalidOperationException($"{key} = {replicas}: {service.Resource.Name} runs one replica here, because {singleReplicaReason}.");
        }

        return service.WithReplicas(replicas);
    }
}
