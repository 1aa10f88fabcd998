namespace SlmPlatform.AppHost.Extensions;

public static class PlatformSecretExtensions
{
    /// <summary>
    /// A generated secret parameter: kept in the state folder in local mode (it must outlive the AppHost like the
    /// data it protects), generated and persisted by Aspire otherwise.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddPlatformSecret(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure, string name) =>
        infrastructure.State is { } state
            ? builder.AddParameter(name, state.Secret(name), secret: true)
            : builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
}
