using System.Net.Http.Json;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.FunctionalTests;

public sealed class RoutingTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATaggedCallOfAPromotedTask_IsAnsweredByItsSpecialist_AndNotCaptured()
    {
        var (agent, workload, marker) = Site();
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Good);
        var teacherCalls = fixture.Upstream.Received.Count;

        using var response = await fixture.PostTaggedAsync(agent, workload, marker);

        response.EnsureSuccessStatusCode();
        Assert.Equal($"specialist:{ScriptedSpecialists.Good}", response.Headers.GetValues("x-slm-served-by").Single());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(ScriptedSpecialists.GoodAnswer, answer.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("gpt-4o-mini", answer.GetProperty("model").GetString());
        Assert.Equal(teacherCalls, fixture.Upstream.Received.Count);
        Assert.Equal(GatewayFixture.TenantId, fixture.Specialists.LastTenantHeader);
        Assert.Empty(await fixture.Captured.WaitForAsync(marker, 1, TimeSpan.FromSeconds(2), Token));
        Assert.Equal(1, (await fixture.TalliedAsync(taskId, c => c.Answered)).Answered);
    }

    [Theory]
    [InlineData("off-label")]
    [InlineData("broken")]
    public async Task AnAnswerThatFailsTheCheck_FallsBackToTheTeacher_InTheSameRequest(string kind)
    {
        var (agent, workload, marker) = Site();
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], kind == "broken" ? ScriptedSpecialists.Broken : ScriptedSpecialists.OffLabel);

        using var response = await fixture.PostTaggedAsync(agent, workload, marker);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("x-slm-served-by"));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(ScriptedUpstream.EchoOf(marker), answer.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        await fixture.CaptureOfAsync(marker);
        Assert.Equal(1, (await fixture.TalliedAsync(taskId, c => c.FellBack)).FellBack);
    }

    [Fact]
    public async Task AnUntaggedCall_IsRoutedByItsPromptKey_AndStreamsWhenAsked()
    {
        var agent = $"router-{Guid.NewGuid():N}";
        const string prompt = "You route a bank's support messages. Answer {\"intent\": \"<label>\"}.";
        await fixture.RouteAsync([RouteKeys.ForPrompt(RouteKeys.PromptKey(RouteKeys.Secret(RoutingFixture.PromptSecret)!, agent, prompt))], ScriptedSpecialists.Good);
        using var http = fixture.HttpClient();
        http.DefaultRequestHeaders.Add("X-Slm-Agent", agent);

        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = "gpt-4o-mini",
            stream = true,
            messages = new object[] { new { role = "system", content = prompt }, new { role = "user", content = "Where is my card?" } },
        }, Token);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync(Token)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var first = JsonDocument.Parse(events[0]["data: ".Length..]).RootElement;
        Assert.Equal(ScriptedSpecialists.GoodAnswer, first.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
    }

    [Fact]
    public async Task ARouteRemoved_SendsTheCallsBackToTheTeacher()
    {
        var (agent, workload, marker) = Site();
        string[] keys = [RouteKeys.ForWorkload(agent, workload)];
        var taskId = await fixture.RouteAsync(keys, ScriptedSpecialists.Good);
        using (var routed = await fixture.PostTaggedAsync(agent, workload, marker + "-1"))
        {
            Assert.True(routed.Headers.Contains("x-slm-served-by"));
        }

        await fixture.RemoveRouteAsync(taskId, keys);
        using var response = await fixture.PostTaggedAsync(agent, workload, marker + "-2");

        Assert.False(response.Headers.Contains("x-slm-served-by"));
    }

    private static (string Agent, string Workload, string Marker) Site() =>
        ($"agent-{Guid.NewGuid():N}", "route-intent", $"marker-{Guid.NewGuid():N}");
}
