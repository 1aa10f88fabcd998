namespace SlmPlatform.AppHost.Extensions;

public static class DevApiKeyExtensions
{
    /// <summary>
    /// In local mode, hands the development API key to the migrator (which registers its hash) and says where the
    /// key is kept. Other modes get keys from whoever runs the platform.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevApiKey(this IResourceBuilder<ProjectResource> migrator, PlatformInfrastructure infrastructure)
    {
        if (infrastructure.State is not { } state)
        {
            return migrator;
        }

        var key = migrator.ApplicationBuilder.AddParameter("dev-api-key", state.DevApiKey(), secret: true);
        Console.WriteLine($"Development API key (tenant 'dev'): {state.DevApiKeyPath}");
        return migrator.WithEnvironment("DevApiKey__Value", key);
    }
}
