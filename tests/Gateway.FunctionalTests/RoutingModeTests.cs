using System.Net.Http.Json;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>Shadow and canary routes, and the teacher sampled behind a specialist's answers.</summary>
public sealed class RoutingModeTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static readonly OutputCheck AnyText = new(OutputCheck.TextKind);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("echo", 1, 1, 0)]
    [InlineData("good", 1, 0, 0)]
    [InlineData("broken", 0, 0, 1)]
    public async Task Shadow_TheTeacherAnswersAndIsCaptured_WhileTheSpecialistIsAskedAndCompared(string specialist, long compared, long agreed, long failed)
    {
        var (agent, workload, marker) = Site();
        var model = specialist switch { "echo" => ScriptedSpecialists.Echo, "good" => ScriptedSpecialists.Good, _ => ScriptedSpecialists.Broken };
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], model, RouteModes.Shadow, share: 0, sample: 0, AnyText);

        using var response = await PostAsync(agent, workload, Body(marker));

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("x-slm-served-by"));
        Assert.Equal(ScriptedUpstream.EchoOf(marker), await ContentAsync(response));
        await fixture.CaptureOfAsync(marker);
        var day = await fixture.TalliedAsync(taskId, d => d.ShadowCompared + d.ShadowFailed);
        Assert.Contains(marker, fixture.Specialists.Received);
        Assert.Equal((compared, agreed, failed), (day.ShadowCompared, day.ShadowAgreed, day.ShadowFailed));
        Assert.Equal((0, 0), (day.Answered, day.FellBack));
    }

    [Fact]
    public async Task Shadow_OfAStreamedCall_ComparesTheAnswerTheStreamAddsUpTo()
    {
        var (agent, workload, marker) = Site();
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Echo, RouteModes.Shadow, share: 0, sample: 0, AnyText);

        using var response = await PostAsync(agent, workload, Body(marker, stream: true));

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("x-slm-served-by"));
        var day = await fixture.TalliedAsync(taskId, d => d.ShadowCompared);
        Assert.Equal((1, 1), (day.ShadowCompared, day.ShadowAgreed));
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    public async Task Canary_AtTheEdges_NeverOrAlwaysServes(double share, bool served)
    {
        var (agent, workload, marker) = Site();
        await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Good, RouteModes.Canary, share);

        using var response = await PostAsync(agent, workload, Body(marker));

        response.EnsureSuccessStatusCode();
        Assert.Equal(served, response.Headers.Contains("x-slm-served-by"));
        Assert.Equal(served ? ScriptedSpecialists.GoodAnswer : ScriptedUpstream.EchoOf(marker), await ContentAsync(response));
        Assert.Equal(served, fixture.Specialists.Received.Contains(marker));
    }

    [Fact]
    public async Task Canary_WithAShare_ServesTheCallsItsHashPicks_TheSameWayOnARetry()
    {
        var (agent, workload, _) = Site();
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Good, RouteModes.Canary, share: 0.5);
        var outcomes = new List<bool>();

        for (var i = 0; i < 20; i++)
        {
            var body = Body($"canary-{i}-{Guid.NewGuid():N}");
            var expected = RouteShares.Selects(RouteShares.CanaryPurpose, taskId, body, 0.5);
            foreach (var attempt in new[] { "first", "retry" })
            {
                using var response = await PostAsync(agent, workload, body);
                response.EnsureSuccessStatusCode();
                Assert.True(expected == response.Headers.Contains("x-slm-served-by"), $"call {i}, {attempt}");
            }

            outcomes.Add(expected);
        }

        // 20 calls all landing one way at a share of 0.5 happens once in half a million runs.
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    [Theory]
    [InlineData("echo", 1L)]
    [InlineData("good", 0L)]
    public async Task Full_WithSampling_AsksTheTeacherBehindTheAnswer_AndCapturesItsAnswerForTraining(string specialist, long agreed)
    {
        var (agent, workload, marker) = Site();
        var model = specialist == "echo" ? ScriptedSpecialists.Echo : ScriptedSpecialists.Good;
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], model, RouteModes.Full, sample: 1, check: AnyText);

        // Streamed, to show the teacher is asked for one answer all the same.
        using var response = await PostAsync(agent, workload, Body(marker, stream: true));

        response.EnsureSuccessStatusCode();
        Assert.Equal($"specialist:{model}", response.Headers.GetValues("x-slm-served-by").Single());
        var day = await fixture.TalliedAsync(taskId, d => d.ShadowCompared);
        Assert.Equal((1, agreed, 1), (day.ShadowCompared, day.ShadowAgreed, day.Answered));
        var asked = Assert.Single(fixture.Upstream.Received, r => r.Body.GetRawText().Contains(marker, StringComparison.Ordinal));
        Assert.False(asked.Body.TryGetProperty("stream", out _));
        Assert.Single(await fixture.Captured.WaitForAsync(marker, 2, TimeSpan.FromSeconds(3), Token));
    }

    [Fact]
    public async Task Full_WithoutSampling_NeverAsksTheTeacher()
    {
        var (agent, workload, marker) = Site();
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Good, RouteModes.Full, sample: 0);

        using var response = await PostAsync(agent, workload, Body(marker));

        response.EnsureSuccessStatusCode();
        var day = await fixture.TalliedAsync(taskId, d => d.Answered);

        // A sentinel: a call on a fully sampled route, sent after the first had its answer. Once the teacher has been
        // asked for the sentinel, a sample of the first call, started before it, would have been asked too.
        var (sentinelAgent, sentinelWorkload, sentinel) = Site();
        await fixture.RouteAsync([RouteKeys.ForWorkload(sentinelAgent, sentinelWorkload)], ScriptedSpecialists.Good, RouteModes.Full, sample: 1);
        using (var sampled = await PostAsync(sentinelAgent, sentinelWorkload, Body(sentinel)))
        {
            sampled.EnsureSuccessStatusCode();
        }

        await Eventually.ReadAsync(
            () => Task.FromResult(fixture.Upstream.Received.Any(r => r.Body.GetRawText().Contains(sentinel, StringComparison.Ordinal))),
            asked => asked, TimeSpan.FromSeconds(10), Token);
        Assert.Equal(0, day.ShadowCompared);
        Assert.DoesNotContain(fixture.Upstream.Received, r => r.Body.GetRawText().Contains(marker, StringComparison.Ordinal));
    }

    private static (string Agent, string Workload, string Marker) Site() =>
        ($"agent-{Guid.NewGuid():N}", "route-intent", $"marker-{Guid.NewGuid():N}");

    // The exact bytes sent, since the canary hashes them.
    private static byte[] Body(string text, bool stream = false) => JsonSerializer.SerializeToUtf8Bytes(
        new { model = "gpt-4o-mini", stream, messages = new[] { new { role = "user", content = text } } });

    private static async Task<string?> ContentAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

    private async Task<HttpResponseMessage> PostAsync(string agent, string workload, byte[] body)
    {
        using var http = fixture.HttpClient();
        http.DefaultRequestHeaders.Add("X-Slm-Agent", agent);
        http.DefaultRequestHeaders.Add("X-Slm-Workload", workload);
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return await http.PostAsync("/v1/chat/completions", content, Token);
    }
}
