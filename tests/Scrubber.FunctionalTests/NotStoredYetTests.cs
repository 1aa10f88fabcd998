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
    public async Task Ingest_NotesEveryAcceptedCall_InItsTenantsHourBucket_ThatExpires()
    {
        var ids = Enumerable.Range(0, 3).Select(i => $"noted-{i}-{Guid.NewGuid():N}").ToList();
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var single = await ingest.PostAsync("/v1/calls", Call(ids[0]), Token);
        using var batch = await ingest.PostAsync("/v1/calls/batch", Batch(ids[1..]), Token);

        Assert.Equal(HttpStatusCode.Accepted, single.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        foreach (var id in ids)
        {
            var note = await Eventually.ReadAsync(
                () => NoteAsync(redis, PipelineFixture.TenantA, id), n => n.Value.HasValue, TimeSpan.FromSeconds(5), Token, TimeSpan.FromMilliseconds(50));
            Assert.True(note.Value.HasValue, $"No note of accepted call {id}.");
            Assert.True(note.Value.TryParse(out long milliseconds), $"The note is not a time: {note.Value}.");
            Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(note.Key))!.Value, TimeSpan.FromMinutes(1), AcceptedCalls.BucketLife);
            Assert.False((await NoteAsync(redis, PipelineFixture.TenantB, id)).Value.HasValue);
        }
    }

    [Fact]
    public async Task AnAcceptedCallNotStoredYet_IsA404ThatSaysSo_WithRetryAfter_ForItsTenantOnly()
    {
        // The note as ingest writes it, for a call the scrubber has not stored: the moment between the two, held still.
        var id = $"on-its-way-{Guid.NewGuid():N}";
        var acceptedAt = DateTimeOffset.UtcNow;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        await redis.GetDatabase().HashSetAsync(AcceptedCalls.Key(PipelineFixture.TenantA, acceptedAt), id, acceptedAt.ToUnixTimeMilliseconds());
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

    /// <summary>The tenant's note of the call, from whichever of the buckets to read holds it, and that bucket.</summary>
    private static async Task<(RedisKey Key, RedisValue Value)> NoteAsync(ConnectionMultiplexer redis, string tenantId, string callId)
    {
        foreach (var key in AcceptedCalls.KeysToRead(tenantId, DateTimeOffset.UtcNow))
        {
            if (await redis.GetDatabase().HashGetAsync(key, callId) is { HasValue: true } value)
            {
                return (key, value);
            }
        }

        return (default, RedisValue.Null);
    }

    private static StringContent Call(string id) => new(JsonSerializer.Serialize(Record(id)), Encoding.UTF8, "application/json");

    private static StringContent Batch(IEnumerable<string> ids) => new(JsonSerializer.Serialize(ids.Select(Record)), Encoding.UTF8, "application/json");

    private static object Record(string id) => new
    {
        id,
        agent = "notes",
        request = new { messages = new[] { new { role = "user", content = "hello" } } },
        response = new { choices = new[] { new { message = new { role = "assistant", content = "hi" } } } },
    };
}
