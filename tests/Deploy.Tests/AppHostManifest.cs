using System.Text.Json.Nodes;

namespace SlmPlatform.Deploy.Tests;

/// <summary>A project of the AppHost's published manifest, and the configuration keys the AppHost gives it.</summary>
public sealed record ManifestProject(string Name, string ProjectPath, IReadOnlyList<string> ConfigurationKeys);

/// <summary>The committed aspire-manifest.json (kept current by AppHost.Tests), the deployable shape of the platform.</summary>
internal static class AppHostManifest
{
    public static IReadOnlyList<ManifestProject> Projects()
    {
        var resources = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("aspire-manifest.json")))!["resources"]!.AsObject();
        return
        [
            .. resources
                .Where(r => (string?)r.Value!["type"] == "project.v0")
                .Select(r => new ManifestProject(
                    r.Key,
                    (string)r.Value!["path"]!,
                    [.. (r.Value["env"]?.AsObject() ?? []).Select(e => e.Key).Where(IsConfigurationKey)])),
        ];
    }

    /// <summary>
    /// Keys the services read (sections joined by <c>__</c>, and the HTTP port). Left out: the HTTPS service-discovery
    /// twins (TLS ends at the cluster's edge) and the connection properties Aspire adds for other languages
    /// (<c>PLATFORMDB_HOST</c> and the like), which no service of this platform reads.
    /// </summary>
    private static bool IsConfigurationKey(string key) =>
        key == "HTTP_PORTS" || (key.Contains("__", StringComparison.Ordinal) && !key.EndsWith("__https__0", StringComparison.Ordinal));
}
