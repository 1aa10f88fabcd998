using StackExchange.Redis;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// Reads ingest's notes of accepted calls (<see cref="AcceptedCalls"/>): when ingest accepted a call this tenant asks for
/// in the last hour or two. Null without a cache, or when Redis cannot answer: the caller then answers as it would
/// without the note.
/// </summary>
public sealed class AcceptedCallNotesReader(IConnectionMultiplexer? redis, TimeProvider time)
{
    public async Task<DateTimeOffset?> AcceptedAtAsync(string tenantId, string callId)
    {
        if (redis is null)
        {
            return null;
        }

        try
        {
            var database = redis.GetDatabase();
            var notes = await Task.WhenAll(AcceptedCalls.KeysToRead(tenantId, time.GetUtcNow()).Select(key => database.HashGetAsync(key, callId)));

            // A missing field reads as a null value, which would parse as 0.
            return notes.FirstOrDefault(n => n.HasValue) is { HasValue: true } note && note.TryParse(out long milliseconds)
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }
}
