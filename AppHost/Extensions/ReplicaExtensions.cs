namespace SlmPlatform.AppHost.Extensions;

public static class ReplicaExtensions
{
    /// <summary>The configuration section that sets a service's replicas: <c>./run.sh --Replicas:calls=2</c>.</summary>
    public const string SectionName = "Replicas";

    /// <summary>
    /// Runs the service as <c>Replicas:{name}</c> processes (default one) behind its usual port, which the AppHost's
    /// proxy spreads over them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(this IResourceBuilder<ProjectResource> service)
    {
        var replicas = service.ApplicationBuilder.ConfiguredReplicas(service.Resource.Name);
        return replicas == 1 ? service : service.WithReplicas(replicas);
    }

    /// <summary>The replicas <c>Replicas:{name}</c> asks for (one when unset); a count outside 1 to 16 stops the AppHost, naming the setting.</summary>
    public static int ConfiguredReplicas(this IDistributedApplicationBuilder builder, string name)
    {
        var key = $"{SectionName}:{name}";
        var configured = builder.Configuration[key];
        if (configured is null)
        {
            return 1;
        }

        if (!int.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out var replicas) || replicas is < 1 or > 16)
        {
            throw new InvalidOperationException($"{key} is a whole number from 1 to 16, not '{configured}'.");
        }

        return replicas;
    }
}
