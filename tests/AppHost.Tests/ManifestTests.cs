using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SlmPlatform.AppHost.Tests;

/// <summary>The committed aspire-manifest.json must be what the AppHost publishes now (the deployable shape).</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task CommittedManifest_MatchesWhatTheAppHostPublishes()
    {
        var token = TestContext.Current.CancellationToken;
        var committedPath = CommittedManifest.FilePath;
        var output = Directory.CreateTempSubdirectory("slm-manifest-");
        try
        {
            var publishedPath = Path.Combine(output.FullName, "aspire-manifest.json");
            using var publish = Process.Start(new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "AppHost.dll"), "--publisher", "manifest", "--output-path", publishedPath },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = await publish.StandardOutput.ReadToEndAsync(token) + await publish.StandardError.ReadToEndAsync(token);
            await publish.WaitForExitAsync(token);
            Assert.True(publish.ExitCode == 0, log);

            var committed = Normalize(committedPath);
            var published = Normalize(publishedPath);
            Assert.True(JsonNode.DeepEquals(committed, published),
                "aspire-manifest.json is stale. Regenerate it with: " +
                "dotnet run --project AppHost -- --publisher manifest --output-path ../aspire-manifest.json");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>Project paths are written relative to the manifest; make them absolute so that locations compare.</summary>
    private static JsonNode Normalize(string manifestPath)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        foreach (var (_, resource) in manifest["resources"]!.AsObject())
        {
            if (resource?["path"] is JsonValue path)
            {
                resource["path"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, path.GetValue<string>()));
            }
        }

        return manifest;
    }
}
