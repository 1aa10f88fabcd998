using StackExchange.Redis;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>
/// Notes each accepted call in Redis (<see cref="AcceptedCalls"/>), best effort: the call is already safe on the bus, so
/// neither a slow nor an absent Redis may hold up or fail its 202. Without a cache configured, nothing is noted.
/// </summary>
public sealed partial class AcceptedCallNotes(IConnectionMultiplexer? redis, TimeProvider time, ILogger<AcceptedCallNotes> logger)
{
    public void Note(string tenantId, string callId)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            redis.GetDatabase().StringSet(
                AcceptedCalls.Key(tenantId, callId), time.GetUtcNow().ToUnixTimeMilliseconds(), AcceptedCalls.Kept, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Without the exception: the client's messages name the command and its key, which holds the call's id.
            LogNotNoted();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "An accepted call was not noted in Redis; the calls API answers a plain 404 for it until it is stored")]
    private partial void LogNotNoted();
}
