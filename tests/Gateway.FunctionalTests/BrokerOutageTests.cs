namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The bus going away must not touch the agent: calls succeed, captures wait on disk and all arrive later.</summary>
public sealed class BrokerOutageTests(OutageGatewayFixture fixture) : IClassFixture<OutageGatewayFixture>
{
    private const int CallsDuringOutage = 30;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrokerCutDuringCalls_EveryCallSucceedsAndEveryCaptureArrivesOnceTheBrokerIsBack()
    {
        using var client = fixture.HttpClient();
        var run = Guid.NewGuid().ToString("N");
        await CallAsync(client, $"warm-up {run}");
        await fixture.CaptureOfAsync($"warm-up {run}");

        fixture.BrokerProxy!.Cut();
        for (var i = 0; i < CallsDuringOutage; i++)
        {
            await CallAsync(client, $"outage {run} #{i}.");
        }

        var duringOutage = await fixture.Captured.WaitForAsync($"outage {run}", 1, TimeSpan.FromSeconds(2), Token);
        using var health = await client.GetAsync("/health", Token);
        fixture.BrokerProxy.Restore();
        var arrived = await fixture.Captured.WaitForAsync($"outage {run}", CallsDuringOutage, TimeSpan.FromSeconds(90), Token);

        Assert.Empty(duringOutage);
        // Without the bus the gateway is degraded, not unhealthy: no orchestrator should take it out of service.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var callIds = arrived.Select(m => JsonDocument.Parse(m.Envelope).RootElement.GetProperty("message").GetProperty("callId").GetString()).ToList();
        Assert.Equal(CallsDuringOutage, callIds.Distinct().Count());
        // A window republished after a lost confirm carries the same ids, which the scrubber stores once.
        Assert.All(arrived.GroupBy(m => m.MessageId), group => Assert.Single(group.Select(m => m.Envelope.Contains("callId", StringComparison.Ordinal)).Distinct()));
        var order = arrived.Select(m => int.Parse(m.Envelope.Split($"outage {run} #")[1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, CallsDuringOutage), order);
    }

    private static async Task CallAsync(HttpClient client, string prompt)
    {
        using var response = await client.PostAsync("/v1/chat/completions",
            new StringContent($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{prompt}}}"}]}""", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
