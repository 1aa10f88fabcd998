using SlmPlatform.Routing;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class SpecialistPromotionTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static readonly Guid Model = Guid.NewGuid();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promotion_RoutesTheTasksKeysWithItsLabelSet_AndDemotionRemovesThem()
    {
        var agent = $"promoted-{Guid.NewGuid():N}";
        var taskId = await fixture.PostLabelledCallsAsync(agent, "route-intent", [("Where is my card?", "card_arrival"), ("What rate do you use?", "exchange_rate")]);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var key = RouteKeys.ForWorkload(agent, "route-intent");

        await fixture.AnnounceModelAsync(Model, Guid.Parse(taskId));
        using var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = Model }, Token);

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var change = await fixture.RouteChangeAsync(Guid.Parse(taskId), c => c.Route is not null);
        Assert.Equal([key], change.RouteKeys);
        Assert.Equal("tenant-tasks-tests", change.TenantId);
        var route = change.Route!;
        Assert.Equal(Model, route.ModelId);
        Assert.Equal(change.Version, route.Version);
        Assert.Equal(OutputCheck.LabelKind, route.Check.Kind);
        Assert.Equal(["intent=card_arrival", "intent=exchange_rate"], route.Check.Labels);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
        Assert.Equal(Model, detail.GetProperty("specialist").GetProperty("model_id").GetGuid());
        await fixture.Changed.WaitForAsync(m => m.Envelope.Contains(taskId, StringComparison.Ordinal) && m.Envelope.Contains("\"promoted\"", StringComparison.Ordinal), 1, TimeSpan.FromSeconds(10), Token);

        using var demoted = await client.DeleteAsync($"/api/tasks/{taskId}/specialist", Token);

        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        var removal = await fixture.RouteChangeAsync(Guid.Parse(taskId), c => c.Route is null);
        Assert.Equal([key], removal.RouteKeys);
        Assert.True(removal.Version > change.Version);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("specialist").ValueKind);
    }

    [Fact]
    public async Task APromotedTask_MeetingANewPromptOfItsTemplate_RoutesThatPromptToo()
    {
        var agent = $"templated-{Guid.NewGuid():N}";
        var first = Prompt("Katherine Jones");
        var taskId = await fixture.PostLabelledCallsAsync(agent, null, [("Where is my card?", "card_arrival")], first);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        await fixture.AnnounceModelAsync(Model, Guid.Parse(taskId));
        using var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = Model }, Token);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var secret = RouteKeys.Secret(DiscoveryFixture.PromptSecret)!;
        var firstKey = RouteKeys.ForPrompt(RouteKeys.PromptKey(secret, agent, first));
        var promotion = await fixture.RouteChangeAsync(Guid.Parse(taskId), c => c.Route is not null);
        Assert.Equal([firstKey], promotion.RouteKeys);

        var second = Prompt("Brian Oduya");
        await fixture.PostLabelledCallsAsync(agent, null, [("Has my card been sent?", "card_arrival")], second, expectedCalls: 2);

        var secondKey = RouteKeys.ForPrompt(RouteKeys.PromptKey(secret, agent, second));
        var grown = await fixture.RouteChangeAsync(Guid.Parse(taskId), c => c.RouteKeys.Contains(secondKey));
        Assert.Equal(new[] { firstKey, secondKey }.Order(StringComparer.Ordinal), grown.RouteKeys);
        Assert.Equal(Model, grown.Route?.ModelId);
        Assert.Equal(promotion.Version, grown.Version);
    }

    [Theory]
    [InlineData("canary", 0.25, 0.2, 0.25, 0.2)]
    [InlineData("canary", null, null, RouteModes.DefaultShare, RouteModes.DefaultSample)]
    [InlineData("shadow", null, null, 0.0, RouteModes.DefaultSample)]
    [InlineData("full", null, 0.0, 1.0, 0.0)]
    public async Task Promotion_InAMode_RoutesWithItsShareAndSample(string mode, double? share, double? sample, double routedShare, double routedSample)
    {
        var agent = $"mode-{Guid.NewGuid():N}";
        var taskId = await fixture.PostLabelledCallsAsync(agent, "route-intent", [("Where is my card?", "card_arrival")]);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        await fixture.AnnounceModelAsync(Model, Guid.Parse(taskId));
        using var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = Model, mode, share, sample }, Token);

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var route = (await fixture.RouteChangeAsync(Guid.Parse(taskId), c => c.Route is not null)).Route!;
        Assert.Equal((mode, routedShare, routedSample), (route.Mode, route.Share, route.Sample));
        var specialist = (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist");
        Assert.Equal(mode, specialist.GetProperty("mode").GetString());
        Assert.Equal(routedSample, specialist.GetProperty("sample").GetDouble());
        double? storedShare = specialist.GetProperty("share").ValueKind == JsonValueKind.Null ? null : specialist.GetProperty("share").GetDouble();
        Assert.Equal(mode == "canary" ? routedShare : null, storedShare);
    }

    [Theory]
    [InlineData("""{}""", "model_id")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "turbo"}""", "mode")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "canary", "share": 0}""", "share")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "canary", "share": 1.5}""", "share")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "full", "share": 0.5}""", "share")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "sample": -0.1}""", "sample")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "canary", "sample": 2}""", "sample")]
    [InlineData("""{"model_id": "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "mode": "shadow", "sample": 0.5}""", "sample")]
    public async Task BadPromotions_Return400NamingTheField_AndChangeNothing(string body, string field)
    {
        var agent = $"bad-{Guid.NewGuid():N}";
        var taskId = await fixture.PostLabelledCallsAsync(agent, "w", [("hi", "x")]);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var before = (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("task").GetProperty("version").GetInt32();

        using var response = await client.PutAsync($"/api/tasks/{taskId}/specialist", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("specialist").ValueKind);
        Assert.Equal(before, after.GetProperty("task").GetProperty("version").GetInt32());
        Assert.Empty(await fixture.RouteChanges.WaitForAsync(m => m.Envelope.Contains(taskId, StringComparison.Ordinal), 0, TimeSpan.Zero, Token));
    }

    [Fact]
    public async Task AModelThatIsNotTheTenants_IsRefusedNamingModelId_AndChangesNothing()
    {
        var agent = $"foreign-{Guid.NewGuid():N}";
        var taskId = await fixture.PostLabelledCallsAsync(agent, "w", [("Where is my card?", "card_arrival")]);
        var foreign = await fixture.AnnounceModelAsync(Guid.NewGuid(), Guid.NewGuid(), tenantId: "another-tenant");
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var theirs = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = foreign }, Token);
        using var unknown = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = Guid.NewGuid() }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await theirs.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("model_id", out _));
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist").ValueKind);
        Assert.Empty(await fixture.RouteChanges.WaitForAsync(m => m.Envelope.Contains(taskId, StringComparison.Ordinal), 0, TimeSpan.Zero, Token));
    }

    private static string Prompt(string customer) =>
        $"You are the banking assistant of {customer}, a premium customer. Classify the message; answer {{\"intent\": \"<label>\"}}.";
}
