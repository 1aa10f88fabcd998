using System.Text.Json.Nodes;

namespace SlmPlatform.AppHost.Tests;

/// <summary>The repository's root and its committed <c>aspire-manifest.json</c> (kept current by <see cref="ManifestTests"/>).</summary>
internal static class CommittedManifest
{
    public static readonly string RepositoryRoot = Path.GetDirectoryName(Projects.AppHost.ProjectPath.TrimEnd(Path.DirectorySeparatorChar))!;

    public static string FilePath => Path.Combine(RepositoryRoot, "aspire-manifest.json");

    /// <summary>The manifest's resources, by name.</summary>
    public static JsonObject Resources() => JsonNode.Parse(File.ReadAllText(FilePath))!["resources"]!.AsObject();
}
