using System.Net.Http.Json;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// A route with a confidence threshold: the specialist answers the calls it is sure enough of, and the teacher answers
/// the rest within the same request — captured, so they feed the next training round. In shadow, the calls it would
/// have left to the teacher are counted, not compared, so online agreement is measured where it would answer.
/// </summary>
public sealed class SelectiveRoutingTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFullRouteWithAThreshold_AnswersSureCalls_AndLeavesUnsureOnesToTheTeacher()
    {
        var (agent, workload) = ($"agent-{Guid.NewGuid():N}", "route-intent");
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Good, threshold: 0.5);
        var sure = $"sure {Guid.NewGuid():N}";
        var unsure = $"unsure {ScriptedSpecialists.HardMarker} {Guid.NewGuid():N}";

        using var answered = await PostSucceedingAsync(agent, workload, sure);
        using var abstained = await PostSucceedingAsync(agent, workload, unsure);

        Assert.Equal($"specialist:{ScriptedSpecialists.Good}", answered.Headers.GetValues("x-slm-served-by").Single());
        Assert.False(abstained.Headers.Contains("x-slm-served-by"));
        var teacher = await abstained.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(ScriptedUpstream.EchoOf(unsure), teacher.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        await fixture.CaptureOfAsync(unsure);
        var counts = await fixture.TalliedAsync(taskId, c => c.Answered + c.Abstained, 2);
        Assert.Equal(1, counts.Answered);
        Assert.Equal(1, counts.Abstained);
        Assert.Equal(0, counts.FellBack);
        Assert.True(counts.AbstainedMilliseconds > 0);
    }

    [Fact]
    public async Task AShadowRouteWithAThreshold_ComparesOnlyTheCallsItWouldAnswer()
    {
        var (agent, workload) = ($"agent-{Guid.NewGuid():N}", "route-intent");
        var taskId = await fixture.RouteAsync([RouteKeys.ForWorkload(agent, workload)], ScriptedSpecialists.Echo, RouteModes.Shadow, share: 0, sample: 0,
            new OutputCheck(OutputCheck.TextKind), threshold: 0.5);

        using var sure = await PostSucceedingAsync(agent, workload, $"sure {Guid.NewGuid():N}");
        using var unsure = await PostSucceedingAsync(agent, workload, $"unsure {ScriptedSpecialists.HardMarker} {Guid.NewGuid():N}");

        Assert.False(sure.Headers.Contains("x-slm-served-by"));
        Assert.False(unsure.Headers.Contains("x-slm-served-by"));
        var counts = await fixture.TalliedAsync(taskId, c => c.ShadowCompared + c.ShadowAbstained, 2);
        Assert.Equal(1, counts.ShadowCompared);
        Assert.Equal(1, counts.ShadowAgreed);
        Assert.Equal(1, counts.ShadowAbstained);
    }

    private async Task<HttpResponseMessage> PostSucceedingAsync(string agent, string workload, string text) =>
        (await fixture.PostTaggedAsync(agent, workload, text)).EnsureSuccessStatusCode();
}
