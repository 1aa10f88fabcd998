using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.ApiKeys;
using SlmPlatform.Routing;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed partial class PromotionPolicyTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private const string Tenant = DiscoveryFixture.TenantId;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AutomaticPolicy_TakesAModelThroughShadowCanaryAndFull_AndDemotesItWhenOnlineAgreementDrops()
    {
        var (taskId, agent, client) = await PostTaskAsync();
        var model = Guid.NewGuid();
        var evaluated = Evaluated(taskId, model, 0.99, 0.96);

        await PublishAsync(evaluated);
        Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));
        var redelivered = await PublishAsync(evaluated);
        await fixture.Consumed.WaitForAsync(redelivered);
        // The route changes before its decision is recorded: the redelivery may be consumed in between.
        Assert.Single(await WaitForDecisionsAsync(client, taskId, 1), d => d.GetProperty("action").GetString() == "shadow");

        await CompareAsync(taskId, agreed: 80, disagreed: 0);
        Assert.Equal(RouteModes.Canary, await WaitForModeAsync(client, taskId, RouteModes.Canary));
        await CompareAsync(taskId, agreed: 80, disagreed: 0);
        Assert.Equal(RouteModes.Full, await WaitForModeAsync(client, taskId, RouteModes.Full));
        var route = await fixture.RouteChangeAsync(taskId, c => c.Route?.Mode == RouteModes.Full);
        Assert.Equal(model, route.Route!.ModelId);
        Assert.Equal([RouteKeys.ForWorkload(agent, "w")], route.RouteKeys);

        await CompareAsync(taskId, agreed: 2, disagreed: 38);
        Assert.Null(await WaitForModeAsync(client, taskId, null));

        var decisions = await DecisionsAsync(client, taskId);
        Assert.Equal(["demote", "full", "canary", "shadow"], decisions.Select(d => d.GetProperty("action").GetString()));
        Assert.All(decisions, d => Assert.True(d.GetProperty("applied").GetBoolean()));
        Assert.Contains("upper bound is below the bar", decisions[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(fixture.Training.Retrainings, r => r.TaskId == taskId);

        // Scored well offline again, it is still the model live calls demoted: the policy does not bring it back.
        await PublishAsync(Evaluated(taskId, model, 0.99, 0.96));
        var again = await WaitForDecisionsAsync(client, taskId, 5);
        Assert.Equal("reject", again[0].GetProperty("action").GetString());
        Assert.Null(await WaitForModeAsync(client, taskId, null));
    }

    [Fact]
    public async Task ManualApproval_OnlyRecommends_AndAModelBelowTheBarIsRejected()
    {
        var (taskId, _, client) = await PostTaskAsync();
        using (var manual = await client.PutAsJsonAsync("/api/promotion-policy", new { approval = "manual", min_online_samples = 20 }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        }

        try
        {
            await PublishAsync(Evaluated(taskId, Guid.NewGuid(), 0.97, 0.90));
            await PublishAsync(Evaluated(taskId, Guid.NewGuid(), 0.99, 0.97));

            var decisions = await WaitForDecisionsAsync(client, taskId, 2);
            Assert.Contains(decisions, d => d.GetProperty("action").GetString() == "reject" && !d.GetProperty("applied").GetBoolean());
            var recommended = Assert.Single(decisions, d => d.GetProperty("action").GetString() == "shadow");
            Assert.False(recommended.GetProperty("applied").GetBoolean());
            Assert.StartsWith("Recommended", recommended.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist").ValueKind);
        }
        finally
        {
            using var automatic = await client.PutAsJsonAsync("/api/promotion-policy", new { approval = "automatic", min_online_samples = 20 }, Token);
        }
    }

    [Fact]
    public async Task UnderManualApproval_APersonApprovesOrRejectsTheTasksPendingRecommendation_WithAnAdminKey()
    {
        var (taskId, _, client) = await PostTaskAsync();
        var (otherTask, _, _) = await PostTaskAsync();
        var readKey = await TestApiKeys.CreateAsync(fixture.PlatformDb, Tenant, [ApiScopes.Read], null, Token);
        using var reader = fixture.Tasks.CreateClient(readKey);
        using (var manual = await client.PutAsJsonAsync("/api/promotion-policy", new { approval = "manual", min_online_samples = 20 }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        }

        try
        {
            var model = Guid.NewGuid();
            await PublishAsync(Evaluated(taskId, model, 0.99, 0.96));
            var recommended = Assert.Single(await WaitForDecisionsAsync(client, taskId, 1));
            Assert.Equal("pending", recommended.GetProperty("review").GetString());
            var decisionId = recommended.GetProperty("decision_id").GetGuid();
            var approve = $"/api/tasks/{taskId}/promotions/{decisionId}/approve";

            using (var refused = await reader.PostAsync(approve, null, Token))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            using (var elsewhere = await client.PostAsync($"/api/tasks/{otherTask}/promotions/{decisionId}/approve", null, Token))
            {
                Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            }

            Assert.Equal("pending", (await DecisionsAsync(client, taskId))[0].GetProperty("review").GetString());
            Assert.Null(await WaitForModeAsync(client, taskId, null));
            var waiting = await client.GetFromJsonAsync<JsonElement>("/api/promotions?review=pending", Token);
            Assert.Contains(waiting.EnumerateArray(), d => d.GetProperty("decision_id").GetGuid() == decisionId);
            using (var badFilter = await client.GetAsync("/api/promotions?review=maybe", Token))
            {
                Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
            }

            using (var approved = await client.PostAsync(approve, null, Token))
            {
                Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
                var decision = await approved.Content.ReadFromJsonAsync<JsonElement>(Token);
                Assert.Equal("approved", decision.GetProperty("review").GetString());
                Assert.True(decision.GetProperty("applied").GetBoolean());
            }

            Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));
            Assert.Equal(model, (await fixture.RouteChangeAsync(taskId, c => c.Route?.Mode == RouteModes.Shadow)).Route!.ModelId);
            using (var twice = await client.PostAsync(approve, null, Token))
            {
                Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
                Assert.Contains("approved", (await twice.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            // In shadow, agreement online earns a recommendation to go canary; turned down, the route stays as it is.
            await CompareAsync(taskId, agreed: 80, disagreed: 0);
            var canary = (await Eventually.ReadAsync(
                () => DecisionsAsync(client, taskId), d => d.Any(x => x.GetProperty("action").GetString() == "canary"), TimeSpan.FromSeconds(20), Token,
                TimeSpan.FromMilliseconds(200))).First(d => d.GetProperty("action").GetString() == "canary");
            Assert.Equal("pending", canary.GetProperty("review").GetString());
            using (var rejected = await client.PostAsync($"/api/tasks/{taskId}/promotions/{canary.GetProperty("decision_id").GetGuid()}/reject", null, Token))
            {
                Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
                Assert.Equal("rejected", (await rejected.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("review").GetString());
            }

            Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));
            Assert.DoesNotContain(
                (await client.GetFromJsonAsync<JsonElement>("/api/promotions?review=pending", Token)).EnumerateArray(), d => d.GetProperty("task_id").GetGuid() == taskId);
            using var unknown = await client.PostAsync($"/api/tasks/{taskId}/promotions/{Guid.NewGuid()}/reject", null, Token);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            using var automatic = await client.PutAsJsonAsync("/api/promotion-policy", new { approval = "automatic", min_online_samples = 20 }, Token);
        }
    }

    [Fact]
    public async Task PutPolicy_WithBadFields_Returns400NamingEach_AndChangesNothing()
    {
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/promotion-policy", Token);

        using var response = await client.PutAsJsonAsync("/api/promotion-policy", new { approval = "sometimes", bar = 1.5, canary_share = 0.2 }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("approval", out _));
        Assert.True(errors.TryGetProperty("bar", out _));
        Assert.False(errors.TryGetProperty("canary_share", out _));
        Assert.Equal(before.GetRawText(), (await client.GetFromJsonAsync<JsonElement>("/api/promotion-policy", Token)).GetRawText());
    }

    private async Task<(Guid TaskId, string Agent, HttpClient Client)> PostTaskAsync()
    {
        var agent = $"policy-{Guid.NewGuid():N}";
        var taskId = Guid.Parse(await fixture.PostLabelledCallsAsync(agent, "w", [("Where is my card?", "card_arrival"), ("What rate do you use?", "exchange_rate")]));
        return (taskId, agent, fixture.Tasks.CreateClient(fixture.ApiKey));
    }

    /// <summary>Publishes as training does; returns the message id, to wait for its consumption.</summary>
    private async Task<Guid> PublishAsync(ModelEvaluated evaluated)
    {
        var messageId = Guid.NewGuid();
        await fixture.Tasks.Services.GetRequiredService<IBus>().Publish(evaluated, publish => publish.MessageId = messageId, Token);
        return messageId;
    }

    /// <summary>The <paramref name="count"/>-th request to score <paramref name="modelId"/>, as training would receive it.</summary>
    private async Task<EvaluateModel> EvaluationRequestedAsync(Guid modelId, int count) =>
        (await fixture.EvaluationRequests.WaitForAsync(modelId.ToString(), count, TimeSpan.FromSeconds(20), Token))[count - 1].Message<EvaluateModel>();

    /// <summary>Training's answer to the request: the model's agreement on the dataset's test split.</summary>
    private Task AnswerAsync(EvaluateModel request, double agreement)
    {
        var answer = Evaluated(request.TaskId, request.ModelId, agreement, agreement - 0.02) with { DatasetId = request.DatasetId, RequestId = request.CommandId };
        return fixture.Tasks.Services.GetRequiredService<IBus>().Publish(answer, publish => publish.MessageId = answer.EventId, Token);
    }

    private static ModelEvaluated Evaluated(Guid taskId, Guid modelId, double agreement, double lower) =>
        new(Guid.NewGuid(), Tenant, modelId, taskId, "classifier-head", "ds-policy", 300, "json_equivalent", agreement, lower, Math.Min(1, agreement + 0.02), 4.2);

    private Task CompareAsync(Guid taskId, int agreed, int disagreed) =>
        fixture.TallyAsync(taskId, new RoutingCounts(ShadowCompared: agreed + disagreed, ShadowAgreed: agreed));

    /// <summary>Waits until the task's specialist is in <paramref name="mode"/> (null: none), and returns what it last saw.</summary>
    private static Task<string?> WaitForModeAsync(HttpClient client, Guid taskId, string? mode) =>
        Eventually.ReadAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist") is { ValueKind: JsonValueKind.Object } specialist
                ? specialist.GetProperty("mode").GetString()
                : null,
            seen => seen == mode, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));

    private static async Task<long> ChecksAsync(HttpClient client, Guid taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotion", Token)).GetProperty("checks").GetInt64();

    private static async Task<List<JsonElement>> DecisionsAsync(HttpClient client, Guid taskId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotions", Token)).EnumerateArray()];

    private static Task<List<JsonElement>> WaitForDecisionsAsync(HttpClient client, Guid taskId, int count) =>
        Eventually.ReadAsync(() => DecisionsAsync(client, taskId), decisions => decisions.Count >= count, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));
}
