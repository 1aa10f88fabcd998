using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>Task discovery with <c>Promotion:DeployTarget</c> = vllm: models are deployed before calls are routed to them.</summary>
public sealed class DeployingDiscoveryFixture : DiscoveryFixture
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Promotion:DeployTarget"] = DeployTargets.Vllm,
    };
}

/// <summary>
/// A promotion to a GPU server asks serving to deploy the model (<see cref="ModelDeployRequested"/>) and routes calls
/// to it only once serving answers that it is deployed; a failed deployment routes nothing and says why.
/// </summary>
public sealed class PromotionDeploymentTests(DeployingDiscoveryFixture fixture) : IClassFixture<DeployingDiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AModelPutInShadow_IsDeployedFirst_AndRoutedOnlyOnceServingSaysItIs()
    {
        var (taskId, client) = await PostTaskAsync();
        var model = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId, artifact: new ModelArtifact($"models/{Guid.NewGuid():N}/adapter", "lora-adapter"), baseModel: "qwen2.5-1.5b-instruct");

        await PublishAsync(Evaluated(taskId, model));
        var request = (await fixture.DeployRequests.WaitForAsync(model.ToString(), 1, TimeSpan.FromSeconds(20), Token))[0].Message<ModelDeployRequested>();

        Assert.Equal(DeployTargets.Vllm, request.Target);
        Assert.Equal(taskId, request.TaskId);
        Assert.Equal("qwen2.5-1.5b-instruct", request.BaseModel);
        Assert.StartsWith("models/", request.ArtifactLocation, StringComparison.Ordinal);
        var promotion = await WaitForStateAsync(client, taskId, "deploying");
        Assert.Equal(model, promotion.GetProperty("deployment").GetProperty("model_id").GetGuid());
        Assert.Null(await SpecialistModeAsync(client, taskId));

        // An operator's deployment names no task: it is not this promotion's answer, and changes nothing.
        await AnswerAsync(request, succeeded: true, taskId: null);
        await AnswerAsync(request, succeeded: true, taskId);

        Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));
        var route = await fixture.RouteChangeAsync(taskId, c => c.Route?.Mode == RouteModes.Shadow);
        Assert.Equal(model, route.Route!.ModelId);
        await WaitForStateAsync(client, taskId, "shadow");
        var decision = Assert.Single(await DecisionsAsync(client, taskId));
        Assert.True(decision.GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task ADemotedModel_IsTakenOffItsTarget()
    {
        var (taskId, client) = await PostTaskAsync();
        var artifact = new ModelArtifact($"models/{Guid.NewGuid():N}/adapter", "lora-adapter");
        var model = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId, artifact: artifact, baseModel: "qwen2.5-1.5b-instruct");
        await PublishAsync(Evaluated(taskId, model));
        var request = (await fixture.DeployRequests.WaitForAsync(model.ToString(), 1, TimeSpan.FromSeconds(20), Token))[0].Message<ModelDeployRequested>();
        await AnswerAsync(request, succeeded: true, taskId);
        Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));

        // Live calls disagree with the teacher: the policy demotes the model, and asks serving to unload it.
        await fixture.TallyAsync(taskId, new RoutingCounts(ShadowCompared: 40, ShadowAgreed: 2));

        Assert.Null(await WaitForModeAsync(client, taskId, null));
        var undeploy = (await fixture.UndeployRequests.WaitForAsync(model.ToString(), 1, TimeSpan.FromSeconds(20), Token))[0].Message<ModelUndeployRequested>();
        Assert.Equal(DeployTargets.Vllm, undeploy.Target);
        Assert.Equal(artifact.Key, undeploy.ArtifactLocation);
        Assert.Equal("qwen2.5-1.5b-instruct", undeploy.BaseModel);
    }

    [Fact]
    public async Task AFailedDeployment_RoutesNothing_AndTheDecisionSaysWhy()
    {
        var (taskId, client) = await PostTaskAsync();
        var model = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId, artifact: new ModelArtifact($"models/{Guid.NewGuid():N}/adapter", "lora-adapter"), baseModel: "qwen2.5-1.5b-instruct");

        await PublishAsync(Evaluated(taskId, model));
        var request = (await fixture.DeployRequests.WaitForAsync(model.ToString(), 1, TimeSpan.FromSeconds(20), Token))[0].Message<ModelDeployRequested>();
        await AnswerAsync(request, succeeded: false, taskId, error: "vLLM answered 400: the adapter's rank exceeds --max-lora-rank");

        var decisions = await Eventually.ReadAsync(() => DecisionsAsync(client, taskId), d => d.Count > 0, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));
        var decision = Assert.Single(decisions);
        Assert.False(decision.GetProperty("applied").GetBoolean());
        Assert.Contains("max-lora-rank", decision.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await WaitForStateAsync(client, taskId, "unserved");
        Assert.Null(await SpecialistModeAsync(client, taskId));
    }

    [Fact]
    public async Task AModelWhoseArtifactTrainingNeverAnnounced_IsNotRouted_AndTheDecisionSaysWhy()
    {
        var (taskId, client) = await PostTaskAsync();
        var model = Guid.NewGuid();

        await PublishAsync(Evaluated(taskId, model));

        var decisions = await Eventually.ReadAsync(() => DecisionsAsync(client, taskId), d => d.Count > 0, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));
        Assert.Contains("has not announced its artifact", Assert.Single(decisions).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.DeployRequests.Received, m => m.Envelope.Contains(model.ToString(), StringComparison.Ordinal));
        Assert.Null(await SpecialistModeAsync(client, taskId));
    }

    private async Task<(Guid TaskId, HttpClient Client)> PostTaskAsync()
    {
        var agent = $"deploy-{Guid.NewGuid():N}";
        var taskId = Guid.Parse(await fixture.PostLabelledCallsAsync(agent, "w", [("Where is my card?", "card_arrival"), ("What rate do you use?", "exchange_rate")]));
        return (taskId, fixture.Tasks.CreateClient(fixture.ApiKey));
    }

    private Task PublishAsync(ModelEvaluated evaluated) =>
        fixture.Tasks.Services.GetRequiredService<IBus>().Publish(evaluated, publish => publish.MessageId = evaluated.EventId, Token);

    /// <summary>Serving's answer to <paramref name="request"/>, as its consumer publishes it.</summary>
    private async Task AnswerAsync(ModelDeployRequested request, bool succeeded, Guid? taskId, string? error = null)
    {
        var deployed = new ModelDeployed(
            ModelDeployed.IdFor(request.EventId, succeeded), request.TenantId, request.ModelId, request.Target!, $"slm-{request.ModelId}", "http://vllm:8000",
            succeeded, error, taskId) with { EventId = taskId is null ? Guid.NewGuid() : ModelDeployed.IdFor(request.EventId, succeeded) };
        await fixture.Tasks.Services.GetRequiredService<IBus>().Publish(deployed, publish => publish.MessageId = deployed.EventId, Token);
        await fixture.Consumed.WaitForAsync(deployed.EventId);
    }

    private static ModelEvaluated Evaluated(Guid taskId, Guid modelId) =>
        new(Guid.NewGuid(), DiscoveryFixture.TenantId, modelId, taskId, "lora-adapter", "ds-deploy", 300, "json_equivalent", 0.99, 0.96, 1.0, 40.0);

    private static Task<JsonElement> WaitForStateAsync(HttpClient client, Guid taskId, string state) =>
        Eventually.ReadAsync(
            async () => await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotion", Token),
            p => p.GetProperty("state").GetString() == state, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));

    private static async Task<string?> SpecialistModeAsync(HttpClient client, Guid taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist") is { ValueKind: JsonValueKind.Object } specialist
            ? specialist.GetProperty("mode").GetString()
            : null;

    private static Task<string?> WaitForModeAsync(HttpClient client, Guid taskId, string? mode) =>
        Eventually.ReadAsync(() => SpecialistModeAsync(client, taskId), seen => seen == mode, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));

    private static async Task<List<JsonElement>> DecisionsAsync(HttpClient client, Guid taskId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotions", Token)).EnumerateArray()];
}
