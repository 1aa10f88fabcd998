namespace SlmPlatform.Training.FunctionalTests;

public sealed class UnreachableBaselineEvaluationTests(UnreachableBaselineFixture fixture) : IClassFixture<UnreachableBaselineFixture>
{
    [Fact]
    public async Task BaselinesThatCannotBeReached_AreRecordedUnavailable_AndTheSpecialistIsStillEvaluated()
    {
        fixture.Serving.Wrong = null;
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var calls = InMemoryTaskCalls.Router(Guid.NewGuid().ToString("N")[..8], perIntent: 40).ToList();

        // Each baseline's requests are retried by the standard resilience handler before it gives up.
        var evaluation = await fixture.TrainAndEvaluateAsync(client, calls, "json", TimeSpan.FromSeconds(120));

        Assert.Equal(1.0, evaluation.GetProperty("agreement").GetDouble());
        var baselines = evaluation.GetProperty("report").GetProperty("baselines");
        foreach (var baseline in new[] { baselines.GetProperty("base"), baselines.GetProperty("few_shot") })
        {
            Assert.Equal("unavailable", baseline.GetProperty("status").GetString());
            Assert.Contains("could not be used", baseline.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, baseline.GetProperty("report").ValueKind);
        }
    }
}
