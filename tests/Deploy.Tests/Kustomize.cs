using System.Collections.Concurrent;
using System.Diagnostics;

namespace SlmPlatform.Deploy.Tests;

/// <summary>Renders the Kustomize overlays under deploy/k8s with <c>kubectl kustomize</c>, once per overlay.</summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderedManifests>> Rendered = new();

    public static string OverlaysFolder => RepositoryFiles.PathOf("deploy", "k8s", "overlays");

    /// <summary>Every overlay, so that a new one is checked without a change here.</summary>
    public static TheoryData<string> Overlays() =>
        [.. Directory.GetDirectories(OverlaysFolder).Select(d => Path.GetFileName(d)!).Order()];

    public static RenderedManifests Render(string overlay)
    {
        if (!ExistsOnPath("kubectl"))
        {
            Assert.Skip("kubectl is not installed: the Kubernetes manifests cannot be rendered on this machine.");
        }

        return Rendered.GetOrAdd(overlay, o => new Lazy<RenderedManifests>(() => RenderedManifests.Parse(Run(Path.Combine(OverlaysFolder, o))))).Value;
    }

    private static string Run(string folder)
    {
        using var kubectl = Process.Start(new ProcessStartInfo("kubectl", ["kustomize", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var error = kubectl.StandardError.ReadToEndAsync();
        kubectl.WaitForExit();
        Assert.True(kubectl.ExitCode == 0, $"kubectl kustomize {folder} failed: {error.Result}");
        return output.Result;
    }

    private static bool ExistsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
