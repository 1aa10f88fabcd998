using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>The calls and tasks services, with only tasks reporting erasures (training is not running here).</summary>
public sealed class ErasureFixture : DiscoveryFixture
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Erasure:Services:0"] = "tasks",
    };
}

/// <summary>
/// Erasing an agent's calls deletes them from the calls service and everything task discovery derived from them (its
/// rows with their text, vectors, cached embeddings), reports what each store deleted, and leaves other agents' calls
/// and other tenants alone; a request that names no single scope changes nothing.
/// </summary>
public sealed class ErasureTests(ErasureFixture fixture) : IClassFixture<ErasureFixture>
{
    private static readonly (string Text, string Intent)[] KeptCalls = [("Where is the bus stop nearest the museum?", "directions"), ("Which platform does the night train leave from?", "directions")];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErasingAnAgent_DeletesItsCallsEverywhere_ReportsEachStore_AndKeepsTheRest()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var erased = $"erased-{run}";
        var kept = $"kept-{run}";
        await fixture.PostLabelledCallsAsync(erased, "erasure-tests", ErasedCalls(run));
        await fixture.PostLabelledCallsAsync(kept, "erasure-tests", KeptCalls);
        using var calls = fixture.Calls.CreateClient(fixture.ApiKey);
        var ids = await CallIdsAsync(calls, erased);
        Assert.Equal(ErasedCalls(run).Length, ids.Count);
        var vectors = fixture.Tasks.Services.GetRequiredService<ICallVectorStore>();
        Assert.Equal(ids.Count, (await vectors.GetAsync(DiscoveryFixture.TenantId, ids, Token)).Count);

        using var requested = await calls.PostAsJsonAsync("/api/erasures", new { agent = erased }, Token);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var location = requested.Headers.Location!.ToString();
        var report = await Eventually.ReadAsync(
            () => calls.GetFromJsonAsync<JsonElement>(location, Token),
            r => r.GetProperty("status").GetString() == "complete", TimeSpan.FromSeconds(30), Token);

        Assert.Equal("complete", report.GetProperty("status").GetString());
        Assert.Equal("agent", report.GetProperty("scope").GetString());
        var deleted = report.GetProperty("deleted");
        Assert.Equal(ids.Count, deleted.GetProperty("calls").GetProperty("calls").GetInt64());
        Assert.Equal(ids.Count, deleted.GetProperty("tasks").GetProperty("task_calls").GetInt64());
        Assert.Equal(ids.Count, deleted.GetProperty("tasks").GetProperty("call_vectors").GetInt64());
        Assert.True(deleted.GetProperty("tasks").GetProperty("embedding_cache").GetInt64() >= 1, report.ToString());

        Assert.Empty(await CallIdsAsync(calls, erased));
        Assert.Empty(await vectors.GetAsync(DiscoveryFixture.TenantId, ids, Token));
        var tasks = await fixture.WaitForTasksAsync(_ => true, TimeSpan.FromSeconds(5));
        Assert.Equal(0, tasks.Single(t => t.GetProperty("agent").GetString() == erased).GetProperty("calls").GetInt64());
        Assert.Equal(KeptCalls.Length, tasks.Single(t => t.GetProperty("agent").GetString() == kept).GetProperty("calls").GetInt64());
        Assert.Equal(KeptCalls.Length, (await CallIdsAsync(calls, kept)).Count);
        using (var gone = await calls.GetAsync($"/api/calls/{ids[0]}", Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using var other = fixture.Calls.CreateClient(fixture.OtherApiKey);
        using var othersView = await other.GetAsync(location, Token);
        Assert.Equal(HttpStatusCode.NotFound, othersView.StatusCode);
    }

    [Fact]
    public async Task ErasingTheWholeTenant_DeletesItsTasksRoutesModelsAndPrices_TellsTheGateways_AndKeepsOtherTenants()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var tenant = $"tenant-erased-{run}";
        var key = await TestApiKeys.CreateAsync(fixture.PlatformDb, tenant, Token);
        var taskId = Guid.Parse(await fixture.PostLabelledCallsAsync($"leaving-{run}", "whole-tenant", ErasedCalls(run), apiKey: key));
        using var tasks = fixture.Tasks.CreateClient(key);
        var model = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId, tenant);
        using (var promoted = await tasks.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = model }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        var routed = await fixture.RouteChangeAsync(taskId, c => c.Route is not null);
        using (var price = await tasks.PutAsJsonAsync("/api/prices/gpt-4o", new { input_per_million = 1.25m, output_per_million = 5.00m }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, price.StatusCode);
        }

        const string OthersTasks = "select count(*) from tasks where tenant_id = $1";
        var othersBefore = await TestDatabase.CountAsync(fixture.TasksDb, OthersTasks, Token, DiscoveryFixture.TenantId);
        using var calls = fixture.Calls.CreateClient(key);
        var ids = await CallIdsAsync(calls, $"leaving-{run}");

        using var requested = await calls.PostAsJsonAsync("/api/erasures", new { whole_tenant = true }, Token);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var report = await Eventually.ReadAsync(
            () => calls.GetFromJsonAsync<JsonElement>(requested.Headers.Location!.ToString(), Token),
            r => r.GetProperty("status").GetString() == "complete", TimeSpan.FromSeconds(30), Token);

        Assert.Equal("complete", report.GetProperty("status").GetString());
        Assert.Equal("tenant", report.GetProperty("scope").GetString());
        var deleted = report.GetProperty("deleted");
        Assert.Equal(ids.Count, deleted.GetProperty("calls").GetProperty("calls").GetInt64());
        var byTasks = deleted.GetProperty("tasks");
        Assert.Equal(ids.Count, byTasks.GetProperty("task_calls").GetInt64());
        Assert.Equal(ids.Count, byTasks.GetProperty("call_vectors").GetInt64());
        foreach (var (store, count) in new[] { ("tasks", 1), ("task_specialists", 1), ("tenant_models", 1), ("tenant_prices", 1), ("route_removals", 1) })
        {
            Assert.True(byTasks.GetProperty(store).GetInt64() == count, $"{store}: {byTasks}");
        }

        // Every gateway drops the task's keys: a newer version of the task's routing that names none.
        var removed = await fixture.RouteChangeAsync(taskId, c => c.Route is null && c.Version > routed.Version);
        Assert.Empty(removed.RouteKeys);
        foreach (var table in new[] { "tasks", "task_calls", "task_route_keys", "tenant_models", "tenant_prices", "promotion_decisions", "routing_days", "call_vectors" })
        {
            Assert.Equal(0, await TestDatabase.CountAsync(fixture.TasksDb, $"select count(*) from {table} where tenant_id = $1", Token, tenant));
        }

        Assert.Empty((await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", Token)).EnumerateArray());
        Assert.Empty(await fixture.Tasks.Services.GetRequiredService<ICallVectorStore>().GetAsync(tenant, ids, Token));
        Assert.Equal(othersBefore, await TestDatabase.CountAsync(fixture.TasksDb, OthersTasks, Token, DiscoveryFixture.TenantId));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"call_id": "a", "agent": "b"}""")]
    [InlineData("""{"agent": ""}""")]
    [InlineData("""{"whole_tenant": false}""")]
    public async Task ARequestThatNamesNoSingleScope_Is400NamingTheFields_AndErasesNothing(string body)
    {
        using var calls = fixture.Calls.CreateClient(fixture.ApiKey);
        var before = (await calls.GetFromJsonAsync<JsonElement>("/api/calls?limit=500", Token)).GetProperty("items").GetArrayLength();

        using var response = await calls.PostAsync("/api/erasures", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("call_id", out _), problem.ToString());
        Assert.Equal(before, (await calls.GetFromJsonAsync<JsonElement>("/api/calls?limit=500", Token)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ErasingACallTheTenantDoesNotHave_Is404()
    {
        using var calls = fixture.Calls.CreateClient(fixture.ApiKey);

        using var response = await calls.PostAsJsonAsync("/api/erasures", new { call_id = $"never-captured-{Guid.NewGuid():N}" }, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (string Text, string Intent)[] ErasedCalls(string run) =>
    [
        ($"My name is Ada Brightwater and my card ending 4242 was charged twice ({run}).", "dispute"),
        ($"Please close the savings account I opened in March ({run}).", "close_account"),
        ($"Why was I charged a fee for the transfer to my landlord ({run})?", "fees"),
    ];

    private static async Task<List<string>> CallIdsAsync(HttpClient calls, string agent) =>
        [.. (await calls.GetFromJsonAsync<JsonElement>($"/api/calls?agent={agent}&limit=500", Token)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
}
