using Microsoft.Extensions.Configuration;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>The HTTP source against stand-ins of the tasks and calls APIs (their wire format, no servers needed).</summary>
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
    public async Task Read_WithoutTheServiceKey_SaysWhatIsMissing()
    {
        var source = new HttpTaskCallSource(new StubClients(_ => Task.FromResult(Json(new { }))), new ConfigurationBuilder().Build());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.OutputKindAsync("t", TaskId, Token));

        Assert.Contains("Platform:ServiceKey", error.Message, StringComparison.Ordinal);
    }

    private static HttpTaskCallSource Source(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) => new(
        new StubClients(respond),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:ServiceKey"] = "svc-key" }).Build());

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

    private sealed class StubClients(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Handler(respond)) { BaseAddress = new Uri($"http://{name}") };

        private sealed class Handler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
        }
    }
}
