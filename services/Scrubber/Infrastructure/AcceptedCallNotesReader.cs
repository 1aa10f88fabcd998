using StackExchange.Redis;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// Reads ingest's notes of accepted calls (<see cref="AcceptedCalls"/>): when ingest accepted a call this tenant asks for
/// and the store does not hold yet. Null without a cache, or when Redis cannot answer at once: the caller then answers as
/// it would without the note.
/// </summary>
public sealed class AcceptedCallNotesReader(IConnectionMultiplexer? redis)
{
    public async Task<DateTimeOffset?> AcceptedAtAsync(string tenantId, string callId)
    {
        if (redis is null)
        {
            return null;
        }

        try
        {
            var note = await redis.GetDatabase().StringGetAsync(AcceptedCalls.Key(tenantId, callId));
            // A missing key reads as a null value, which parses as 0.
            return note.HasValue && note.TryParse(out long milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }
}
