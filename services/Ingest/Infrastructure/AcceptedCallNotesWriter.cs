using StackExchange.Redis;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>
/// Writes the gathered notes of accepted calls to Redis: everything pending at once, one <c>HSET</c> per tenant and
/// hour and its <c>EXPIRE</c> (plain, not <c>NX</c>, which Redis before 7 refuses: a refused expiry would keep a bucket
/// for ever), sent without waiting for replies. Runs only where a cache is configured.
/// </summary>
public sealed partial class AcceptedCallNotesWriter(AcceptedCallNotes notes, IConnectionMultiplexer redis, ILogger<AcceptedCallNotesWriter> logger)
    : BackgroundService
{
    private const int MaxNotesPerRound = 2_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = new List<AcceptedCallNote>(MaxNotesPerRound);
        try
        {
            while (await notes.Pending.WaitToReadAsync(stoppingToken))
            {
                while (round.Count < MaxNotesPerRound && notes.Pending.TryRead(out var note))
                {
                    round.Add(note);
                }

                Write(round);
                round.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Write(List<AcceptedCallNote> round)
    {
        try
        {
            var database = redis.GetDatabase();
            foreach (var bucket in round.GroupBy(n => AcceptedCalls.Key(n.TenantId, n.AcceptedAt)))
            {
                var fields = bucket.Select(n => new HashEntry(n.CallId, n.AcceptedAt.ToUnixTimeMilliseconds())).ToArray();
                database.HashSet(bucket.Key, fields, CommandFlags.FireAndForget);
                database.KeyExpire(bucket.Key, AcceptedCalls.BucketLife, CommandFlags.FireAndForget);
            }
        }
        catch (RedisException)
        {
            // Without the exception: the client's messages name the command and its key, which holds the tenant's id.
            LogNotWritten(round.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Notes} notes of accepted calls were not written to Redis; the calls API answers a plain 404 for those calls until they are stored")]
    private partial void LogNotWritten(int notes);
}
