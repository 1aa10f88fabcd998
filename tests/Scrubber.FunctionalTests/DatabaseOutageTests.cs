namespace SlmPlatform.Scrubber.FunctionalTests;

public sealed class ShortRetriesFixture : PipelineFixture
{
    protected override bool ProxyTheDatabase => true;

    // A minute of retries every second: the outage below is longer than the ordinary retries (about 9 s), shorter than these.
    protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>
    {
        ["Calls:DatabaseOutage:RetryFor"] = "00:01:00",
        ["Calls:DatabaseOutage:RetryEvery"] = "00:00:01",
    };
}

/// <summary>
/// A call that arrives while the calls database is away waits for it: retried until the database returns and then
/// stored, not parked for an operator to replay (which is what happened when the outage outlasted the ordinary ~9 s
/// of retries: the fault suite's PostgreSQL restarts parked every call consumed meanwhile).
/// </summary>
public sealed class DatabaseOutageTests(ShortRetriesFixture fixture) : IClassFixture<ShortRetriesFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallConsumedWhileTheDatabaseIsAwayLongerThanTheOrdinaryRetries_IsStoredWhenItReturns_AndNotParked()
    {
        var id = $"outage-{Guid.NewGuid():N}";
        await using var parkings = await CapturingQueue.BindAsync(fixture.Messaging, typeof(CallParked), Token);
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        fixture.DatabaseProxy!.Cut();
        try
        {
            using var posted = await ingest.PostAsJsonAsync("/v1/calls", new
            {
                id,
                agent = "outage-agent",
                request = new { messages = new[] { new { role = "user", content = "Where is my parcel? Write to me at outage.person@example.org" } } },
                response = new { choices = new[] { new { message = new { role = "assistant", content = "On its way." } } } },
            }, Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(15), Token);
        }
        finally
        {
            fixture.DatabaseProxy.Restore();
        }

        var stored = await fixture.WaitForCallAsync(fixture.KeyA, id, TimeSpan.FromSeconds(30));
        Assert.NotNull(stored);
        Assert.DoesNotContain("outage.person@example.org", stored.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(parkings.Received, m => m.Envelope.Contains(id, StringComparison.Ordinal));
    }
}
