using YamlDotNet.RepresentationModel;

namespace SlmPlatform.Deploy.Tests;

/// <summary>azd cannot run on the build machines; what it reads can be checked: azure.yaml names the AppHost.</summary>
public sealed class AzureDeveloperCliTests
{
    [Fact]
    public void AzureYaml_DeploysTheAppHost_ToContainerApps()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(RepositoryFiles.PathOf("azure.yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var services = (YamlMappingNode)root["services"];
        var app = (YamlMappingNode)Assert.Single(services.Children).Value;

        Assert.Equal("dotnet", app["language"].ToString());
        Assert.Equal("containerapp", app["host"].ToString());
        var project = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, app["project"].ToString()));
        Assert.Equal(RepositoryFiles.PathOf("AppHost", "AppHost.csproj"), project);
        Assert.False(string.IsNullOrWhiteSpace(root["name"].ToString()));
    }
}
