using StackExchange.Redis;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// An id ingest accepted (202) and the scrubber has not stored yet is answered as such, not as an unknown id: ingest notes
/// each accepted call in Redis, and the calls API reads the note when the store does not hold the call.
/// </summary>
public sealed class NotStoredYetTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_NotesEveryAcceptedCall_ForAnHour()
    {
        var id = $"noted-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var posted = await ingest.PostAsync("/v1/calls", Call(id), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var key = AcceptedCalls.Key(PipelineFixture.TenantA, id);
        var note = await Eventually.ReadAsync(() => redis.GetDatabase().StringGetAsync(key), n => n.HasValue, TimeSpan.FromSeconds(5), Token, TimeSpan.FromMilliseconds(50));
        Assert.True(note.HasValue, "No note of the accepted call.");
        Assert.True(note.TryParse(out long milliseconds), $"The note is not a time: {note}.");
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(59), AcceptedCalls.Kept);
    }

    [Fact]
    public async Task AnAcceptedCallNotStoredYet_IsA404ThatSaysSo_WithRetryAfter_ForItsTenantOnly()
    {
        // The note as ingest writes it, for a call the scrubber has not stored: the moment between the two, held still.
        var id = $"on-its-way-{Guid.NewGuid():N}";
        var acceptedAt = DateTimeOffset.UtcNow;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        await redis.GetDatabase().StringSetAsync(AcceptedCalls.Key(PipelineFixture.TenantA, id), acceptedAt.ToUnixTimeMilliseconds(), AcceptedCalls.Kept);
        using var tenantA = fixture.Calls.CreateClient(fixture.KeyA);
        using var tenantB = fixture.Calls.CreateClient(fixture.KeyB);

        using var pending = await tenantA.GetAsync($"/api/calls/{id}", Token);
        using var unknown = await tenantA.GetAsync($"/api/calls/never-sent-{Guid.NewGuid():N}", Token);
        using var otherTenant = await tenantB.GetAsync($"/api/calls/{id}", Token);

        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        var problem = await pending.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("accepted", problem.GetProperty("state").GetString());
        Assert.Equal(acceptedAt.ToUnixTimeMilliseconds(), problem.GetProperty("accepted_at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Contains("not stored yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), pending.Headers.RetryAfter?.Delta);
        foreach (var plain in new[] { unknown, otherTenant })
        {
            Assert.Equal(HttpStatusCode.NotFound, plain.StatusCode);
            Assert.Null(plain.Headers.RetryAfter);
            Assert.DoesNotContain("state", await plain.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
    }

    private static StringContent Call(string id) => new(
        JsonSerializer.Serialize(new
        {
            id,
            agent = "notes",
            request = new { messages = new[] { new { role = "user", content = "hello" } } },
            response = new { choices = new[] { new { message = new { role = "assistant", content = "hi" } } } },
        }),
        Encoding.UTF8, "application/json");
}
