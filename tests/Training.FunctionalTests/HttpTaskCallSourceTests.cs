using Microsoft.Extensions.Configuration;
using SlmPlatform.ApiKeys;
using SlmPlatform.Contracts.Http;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>The HTTP source and its typed clients, with the service credential handler, against stand-ins of the tasks
/// and calls APIs (their wire format, no servers needed).</summary>
public sealed class HttpTaskCallSourceTests
{
    private static readonly Guid TaskId = Guid.Parse("6f1b1d2e-0d7a-4f37-9a55-0c2b8a1f9e01");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_PagesThroughTheTaskAndLooksUpItsCalls_AsTheServiceForTheTenant()
    {
        var seen = new List<HttpRequestMessage>();
        var lookups = new List<string[]>();
        var source = Source(async request =>
        {
            seen.Add(request);
            var path = request.RequestUri!.PathAndQuery;
            if (request.RequestUri.Host == "tasks")
            {
                return path.Contains("after=2", StringComparison.Ordinal)
                    ? Json(new { items = new[] { new { call_id = "c", output_label = (string?)null } }, next = (string?)null })
                    : Json(new { items = new[] { new { call_id = "a", output_label = (string?)"intent=x" }, new { call_id = "b", output_label = (string?)"intent=y" } }, next = "2" });
            }

            var ids = (await request.Content!.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
            lookups.Add(ids);
            // The calls service no longer has "b".
            return Json(new { items = ids.Where(i => i != "b").Select(i => StoredCall(i)).ToArray() });
        });

        var calls = new List<SlmPlatform.Specialists.Datasets.SourceCall>();
        await foreach (var call in source.ReadAsync("tenant-7", TaskId, Token))
        {
            calls.Add(call);
        }

        Assert.Equal(["a", "c"], calls.Select(c => c.CallId));
        Assert.Equal("intent=x", calls[0].OutputLabel);
        Assert.Null(calls[1].OutputLabel);
        Assert.Equal("user", calls[0].Messages[0].GetProperty("role").GetString());
        Assert.Equal("find_parcel", calls[0].Tools!.Value[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal([["a", "b"], ["c"]], lookups);
        Assert.Equal($"/api/tasks/{TaskId}/calls?limit=500", seen[0].RequestUri!.PathAndQuery);
        Assert.All(seen, r =>
        {
            Assert.Equal("Bearer svc-key", r.Headers.Authorization!.ToString());
            Assert.Equal("tenant-7", Assert.Single(r.Headers.GetValues("X-Slm-Tenant")));
        });
    }

    [Fact]
    public async Task OutputKind_OfAnUnknownTask_IsNull()
    {
        var source = Source(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));

        Assert.Null(await source.OutputKindAsync("tenant-7", TaskId, Token));
    }

    [Fact]
    public async Task OutputKind_IsReadFromTheTaskAsTheTasksApiWritesIt_SpecialistIncluded()
    {
        var summary = new TaskSummary(TaskId, "router", "support-bot", null, "json", 40, 4_000, 400, 0.12m, [], 310, 720, 3, 0.9,
            DateTimeOffset.UtcNow, TaskStatuses.Active, null, 2, 1);
        var specialist = new TaskSpecialist(Guid.NewGuid(), "canary", new OutputCheck("label", ["intent=x", "intent=y"]), DateTimeOffset.UtcNow, 0.1, 0.05, 0.83);
        var detail = new TaskDetail(summary, [new LabelCount("intent=x", 30)], ["wl:support-bot/router"], specialist);
        var source = Source(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(detail, options: SlmPlatform.ServiceDefaults.PlatformJson.Options),
        }));

        Assert.Equal("json", await source.OutputKindAsync("tenant-7", TaskId, Token));
    }

    [Fact]
    public async Task Read_WithoutTheServiceKey_SaysWhatIsMissing()
    {
        var source = Source(_ => Task.FromResult(Json(new { })), new ConfigurationBuilder().Build());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => source.OutputKindAsync("t", TaskId, Token));

        Assert.Contains("Platform:ServiceKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestThatNamesNoTenant_IsRefusedBeforeItIsSent()
    {
        var sent = 0;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:ServiceKey"] = "svc-key" }).Build();
        using var client = new HttpClient(new ServiceCredentialHandler(configuration) { InnerHandler = new Stub(_ => { sent++; return Task.FromResult(Json(new { })); }) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://tasks/api/tasks", Token));

        Assert.Contains("names no tenant", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sent);
    }

    private static HttpTaskCallSource Source(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:ServiceKey"] = "svc-key" }).Build();
        HttpClient Client(string name) =>
            new(new ServiceCredentialHandler(configuration) { InnerHandler = new Stub(respond) }) { BaseAddress = new Uri($"http://{name}") };
        return new(new TasksClient(Client("tasks")), new CallsClient(Client("calls")));
    }

    private static object StoredCall(string id) => new
    {
        id,
        agent = "router",
        status = "success",
        request = new
        {
            model = "gpt-4o",
            messages = new[] { new { role = "user", content = $"text {id}" } },
            tools = new[] { new { type = "function", function = new { name = "find_parcel" } } },
        },
        response = new { choices = new[] { new { message = new { role = "assistant", content = "x" } } } },
    };

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };

    private sealed class Stub(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
    }
}
