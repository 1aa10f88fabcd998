using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SlmPlatform.Deploy.Tests;

/// <summary>
/// Each project publishes the image that the Kubernetes manifests run (<c>dotnet publish -t:PublishContainer</c>):
/// the properties are evaluated by MSBuild, as the publish would evaluate them. Base images cannot be pulled on the
/// build machines, so no image is built here.
/// </summary>
public sealed class ContainerImageTests
{
    [Fact]
    public async Task EveryProject_PublishesTheImageItsWorkloadRuns()
    {
        var rendered = Kustomize.Render("cpu");

        foreach (var project in AppHostManifest.Projects())
        {
            var properties = await EvaluateAsync(RepositoryFiles.PathOf(project.ProjectPath), "ContainerRepository", "EnableSdkContainerSupport");
            var image = rendered.Workload(project.Name).Containers[0].Image;

            Assert.Equal("true", properties["EnableSdkContainerSupport"], ignoreCase: true);
            Assert.Equal(image[..image.LastIndexOf(':')], properties["ContainerRepository"]);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(string project, params string[] names)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var msbuild = Process.Start(new ProcessStartInfo(dotnet, ["msbuild", project, .. names.Select(n => $"-getProperty:{n}")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await msbuild.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await msbuild.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(msbuild.ExitCode == 0, $"dotnet msbuild {project} failed: {output}");

        var values = JsonNode.Parse(output)!["Properties"]!.AsObject();
        return names.ToDictionary(n => n, n => (string?)values[n] ?? "");
    }
}
