using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.Scrubbing;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>The calls service with its database behind a proxy the tests can cut.</summary>
public sealed class DatabaseOutageFixture : PipelineFixture
{
    protected override bool ProxyTheDatabase => true;

    // No retries for a database outage beyond the ordinary ones, so that a call outlives them in seconds.
    protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string> { ["Calls:DatabaseOutage:RetryFor"] = "00:00:00" };
}

/// <summary>
/// A call the scrubber cannot store within its retries (the database away longer than they last) is parked sealed,
/// never raw; it is stored once the database is back, listed without its payload, and replayed into the calls table.
/// </summary>
public sealed class ParkedCallTests(DatabaseOutageFixture fixture) : IClassFixture<DatabaseOutageFixture>
{
    private const string Email = "parked.person@example.org";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallOutlivingTheRetries_IsParkedSealed_ListedOnceTheDatabaseIsBack_AndReplayedIntoTheCallsTable()
    {
        var id = $"parked-{Guid.NewGuid():N}";
        await using var parkings = await CapturingQueue.BindAsync(fixture.Messaging, typeof(CallParked), Token);
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);

        fixture.DatabaseProxy!.Cut();
        List<CapturedMessage> parked;
        try
        {
            using var posted = await ingest.PostAsync("/v1/calls", Json(id), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            parked = await parkings.WaitForAsync(id, 1, TimeSpan.FromSeconds(40), Token);
        }
        finally
        {
            fixture.DatabaseProxy.Restore();
        }

        var envelope = Assert.Single(parked).Envelope;
        Assert.DoesNotContain(Email, envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("parked person", envelope, StringComparison.Ordinal);

        var listed = await EventuallyAsync(async () =>
            (await calls.GetFromJsonAsync<JsonElement>("/api/parked-calls", Token)).EnumerateArray().FirstOrDefault(p => p.GetProperty("call_id").GetString() == id));
        Assert.NotEqual(JsonValueKind.Undefined, listed.ValueKind);
        Assert.False(listed.TryGetProperty("sealed", out _));
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("reason").GetString()));

        // Asked for by its id, the call says where it is.
        using var asked = await calls.GetAsync($"/api/calls/{id}", Token);
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.Equal("parked", (await asked.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("state").GetString());

        using var replayed = await calls.PostAsync($"/api/parked-calls/{id}/replay", null, Token);

        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        var stored = await fixture.WaitForCallAsync(fixture.KeyA, id, TimeSpan.FromSeconds(20));
        Assert.NotNull(stored);
        Assert.DoesNotContain(Email, stored.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain((await calls.GetFromJsonAsync<JsonElement>("/api/parked-calls", Token)).EnumerateArray(), p => p.GetProperty("call_id").GetString() == id);
    }

    [Fact]
    public async Task ReplayingACallThatIsNotParked_Is404_AndAnotherTenantsIsNotSeen()
    {
        using var calls = fixture.Calls.CreateClient(fixture.KeyB);

        using var replayed = await calls.PostAsync($"/api/parked-calls/never-parked-{Guid.NewGuid():N}/replay", null, Token);
        using var badLimit = await calls.GetAsync("/api/parked-calls?limit=0", Token);

        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.True((await badLimit.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public void TheSeal_OpensOnlyForTheCallItWasSealedFor()
    {
        var seal = new ParkedCallSeal(new ScrubPolicy(Options.Create(new ScrubbingOptions { SurrogateKey = "a-test-surrogate-key-of-enough-length" })));
        var payload = Encoding.UTF8.GetBytes($"{{\"email\": \"{Email}\"}}");

        var sealedBytes = seal.Seal("tenant", "call-1", payload);

        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Email)));
        Assert.Equal(payload, seal.Open("tenant", "call-1", sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("tenant", "call-2", sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => seal.Open("other-tenant", "call-1", sealedBytes));
    }

    private static Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read) =>
        Eventually.ReadAsync(read, value => value.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(60), Token, TimeSpan.FromMilliseconds(250));

    private static StringContent Json(string id) => new(
        JsonSerializer.Serialize(new
        {
            id,
            agent = "parking-agent",
            request = new { messages = new[] { new { role = "user", content = $"I am the parked person, write to {Email}" } } },
            response = new { choices = new[] { new { message = new { role = "assistant", content = "noted" } } } },
        }),
        Encoding.UTF8,
        "application/json");
}
