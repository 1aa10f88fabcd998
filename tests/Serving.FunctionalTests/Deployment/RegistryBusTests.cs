using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Contracts;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// Serving keeps its own registry from <c>ModelTrained</c> on the real broker: an announced model becomes servable
/// for its tenant alone, an announcement made twice is one entry, and one without an artifact names nothing to serve.
/// </summary>
public sealed class RegistryBusTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ModelTrained_MakesTheModelServable_ForItsTenantAlone()
    {
        var trained = Trained(DeploymentFixture.Tenant, HeadArtifact(DeploymentFixture.Tenant));

        await PublishAsync(trained);

        Assert.Contains(trained.ModelId.ToString(), await ListedAsync(fixture.Key));
        Assert.DoesNotContain(trained.ModelId.ToString(), await ListedAsync(fixture.OtherKey));
    }

    [Fact]
    public async Task ModelTrained_Redelivered_IsOneEntry()
    {
        var trained = Trained(DeploymentFixture.Tenant, HeadArtifact(DeploymentFixture.Tenant));

        await PublishAsync(trained);
        await PublishAsync(trained, times: 2);

        Assert.Single(await ListedAsync(fixture.Key), trained.ModelId.ToString());
    }

    [Fact]
    public async Task ModelTrained_WithoutAnArtifact_IsNotServable()
    {
        var trained = Trained(DeploymentFixture.Tenant, artifact: null);

        await PublishAsync(trained);

        Assert.DoesNotContain(trained.ModelId.ToString(), await ListedAsync(fixture.Key));
        using var client = fixture.Reachable.CreateClient(fixture.Key);
        using var response = await client.PostAsJsonAsync(
            "/v1/chat/completions", new { model = trained.ModelId.ToString(), messages = new[] { new { role = "user", content = "hello" } } }, Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static ModelTrained Trained(string tenantId, ModelArtifact? artifact)
    {
        var modelId = Guid.NewGuid();
        return new ModelTrained(
            DeterministicId.Create("model-trained", modelId.ToString()), tenantId, modelId, Guid.NewGuid(), Guid.NewGuid(), "classifier-head", "dataset-x",
            40, 0.9, 0.88, artifact, "all-MiniLM-L6-v2", DateTimeOffset.UtcNow);
    }

    /// <summary>A classifier head's artifact where training would store it (the bytes are never read here).</summary>
    private ModelArtifact HeadArtifact(string tenantId)
    {
        var key = $"{tenantId}/models/{Guid.NewGuid()}{ClassifierHeadArtifact.FileExtension}";
        var path = ArtifactKeys.Resolve(fixture.Registry.Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        return new ModelArtifact(key, ClassifierHeadArtifact.Format);
    }

    /// <summary>Publishes the announcement (the same message id each time) and waits until serving has consumed it.</summary>
    private async Task PublishAsync(ModelTrained trained, int times = 1)
    {
        var bus = fixture.Reachable.Services.GetRequiredService<IBus>();
        await bus.Publish(trained, context => context.MessageId = trained.EventId, Token);
        await fixture.ReachableConsumed.WaitForAsync(trained.EventId, times);
    }

    private async Task<List<string>> ListedAsync(string apiKey)
    {
        using var client = fixture.Reachable.CreateClient(apiKey);
        var models = await client.GetFromJsonAsync<JsonElement>("/v1/models", Token);
        return [.. models.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
    }
}
