using Npgsql;
using SlmPlatform.Testing;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// What happened to every call the load sent, read from the servers once the fault has healed: stored once, lost,
/// duplicated (two rows with one marker), parked, still queued or in an error queue.
/// </summary>
internal static partial class Checker
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long after <paramref name="healedAt"/> every call in <paramref name="ids"/> (those accepted before the heal)
    /// was stored: the recovery. Null if they were not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<TimeSpan?> TimeUntilStoredAsync(
        FaultPlatform platform, string[] ids, long healedAt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetElapsedTime(healedAt) < timeout)
        {
            if (await TryStoredAsync(platform, ids, cancellationToken) >= ids.Length)
            {
                return Stopwatch.GetElapsedTime(healedAt);
            }

            await Task.Delay(SampleEvery, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Once the load has ended: waits until every accepted call is stored and the queues the services consume are
    /// empty, or until nothing changes for <paramref name="stall"/>; then counts.
    /// </summary>
    public static async Task<Tally> WaitForDrainAsync(
        FaultPlatform platform, CheckedLoad load, TimeSpan? recovery, TimeSpan stall, TimeSpan timeout, TextWriter progress, CancellationToken cancellationToken)
    {
        var expected = Accepted(load, platform);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var lastProgress = Stopwatch.GetTimestamp();
        (long Stored, long Queued) last = (-1, -1);
        while (true)
        {
            var now = (await TryStoredAsync(platform, expected, cancellationToken) ?? last.Stored, await ConsumedQueuesAsync(platform, cancellationToken));
            if (now != last)
            {
                progress.WriteLine($"  {now.Item1} of {expected.Length} stored, {now.Item2} queued");
                last = now;
                lastProgress = Stopwatch.GetTimestamp();
            }

            if ((last.Stored >= expected.Length && last.Queued == 0) || Stopwatch.GetElapsedTime(lastProgress) > stall || Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }

            await Task.Delay(SampleEvery, cancellationToken);
        }

        return await TallyAsync(platform, load, expected, last.Stored, recovery, cancellationToken);
    }

    /// <summary>
    /// The call ids answered as accepted so far and not counted as dropped: ingest's 202s and the gateway's relayed
    /// answers, less those whose capture the gateway says it could not keep (it answers the agent all the same).
    /// </summary>
    public static string[] Accepted(CheckedLoad load, FaultPlatform platform)
    {
        var dropped = DroppedCaptures(platform);
        return [.. load.IngestCalls.Where(c => c.Value).Select(c => c.Key), .. load.GatewayCalls.Where(id => !dropped.Contains(id))];
    }

    /// <summary>The calls whose capture the gateway dropped and counted, as its log names them.</summary>
    public static HashSet<string> DroppedCaptures(FaultPlatform platform)
    {
        var log = Path.Combine(platform.Workspace.FullName, $"{FaultPlatform.Gateway}.log");
        return File.Exists(log)
            ? [.. File.ReadLines(log).Select(line => DroppedCapture().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)]
            : [];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"call (\S+) was not captured")]
    private static partial System.Text.RegularExpressions.Regex DroppedCapture();

    public static async Task<long> ConsumedQueuesAsync(FaultPlatform platform, CancellationToken cancellationToken) =>
        (await TestVirtualHost.QueueStatesAsync(platform.Messaging, cancellationToken))
            .Where(q => !IsParking(q.Key) && q.Value.Consumers > 0)
            .Sum(q => q.Value.Messages);

    private static bool IsParking(string queue) =>
        queue.EndsWith("_error", StringComparison.Ordinal) || queue.EndsWith("_skipped", StringComparison.Ordinal);

    // Null while the server itself is starting again (refusing connections, or recovering): not an answer yet.
    private static async Task<long?> TryStoredAsync(FaultPlatform platform, string[] ids, CancellationToken cancellationToken)
    {
        try
        {
            return await StoredAsync(platform, ids, cancellationToken);
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            return null;
        }
    }

    /// <summary>How many of <paramref name="ids"/> the tenant has stored.</summary>
    public static async Task<long> StoredAsync(FaultPlatform platform, string[] ids, CancellationToken cancellationToken, string tenantId = FaultPlatform.TenantId) =>
        await TestDatabase.CountAsync(
            platform.CallsDb, "select count(*) from calls where tenant_id = $1 and call_id = any($2)", cancellationToken, tenantId, ids);

    private static async Task<Tally> TallyAsync(
        FaultPlatform platform, CheckedLoad load, string[] expected, long stored, TimeSpan? recovery, CancellationToken cancellationToken)
    {
        // Connections pooled before a server restart (the migrations') are broken; the services' pools are their own.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(platform.CallsDb);
        await connection.OpenAsync(cancellationToken);

        // Rows whose marker appears more than once: one call stored twice under two ids.
        await using var duplicates = new NpgsqlCommand(
            """
            select coalesce(sum(n - 1), 0) from (
                select count(*) as n from calls
                where tenant_id = $1
                group by substring(request::text from 'ref-[ig][0-9]+')
                having count(*) > 1) d
            """, connection);
        duplicates.Parameters.Add(new NpgsqlParameter { Value = FaultPlatform.TenantId });
        var duplicated = Convert.ToInt64(await duplicates.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var allRows = await TestDatabase.CountAsync(platform.CallsDb, "select count(*) from calls where tenant_id = $1", cancellationToken, FaultPlatform.TenantId);
        // One row per call by the table's key: what can go wrong is a stored call never filed.
        long? filed = platform.TasksDb is { } tasksDb
            ? await TestDatabase.CountAsync(tasksDb, "select count(*) from task_calls where tenant_id = $1", cancellationToken, FaultPlatform.TenantId)
            : null;
        var parked = await TestDatabase.CountAsync(platform.CallsDb, "select count(*) from parked_calls where tenant_id = $1", cancellationToken, FaultPlatform.TenantId);
        var queues = await TestVirtualHost.QueueStatesAsync(platform.Messaging, cancellationToken);
        var errorQueued = queues.Where(q => IsParking(q.Key)).Sum(q => q.Value.Messages);

        // Only the queues the running services consume: others (task discovery's, say) fill by design here.
        var stillQueued = queues.Where(q => !IsParking(q.Key) && q.Value.Consumers > 0 && q.Value.Messages > 0).ToDictionary(q => q.Key, q => q.Value.Messages);

        return new Tally(
            IngestSent: load.IngestCalls.Count,
            IngestAccepted: load.IngestCalls.Count(c => c.Value),
            GatewayRelayed: load.GatewayCalls.Count,
            Dropped: load.GatewayCalls.Count(DroppedCaptures(platform).Contains),
            Stored: stored,
            Lost: expected.Length - stored,
            Duplicated: duplicated,
            // Stored although the client never heard it was accepted (a 202 lost on the way back): not a loss, not a duplicate.
            StoredUnconfirmed: allRows - stored - duplicated,
            Unfiled: allRows - filed,
            Parked: parked,
            ErrorQueued: errorQueued,
            StillQueued: stillQueued,
            Recovery: recovery,
            IngestRetries: load.IngestRetries,
            GatewayFailures: load.GatewayFailures,
            SpecialistAnswers: load.SpecialistAnswers);
    }
}

internal sealed record Tally(
    int IngestSent,
    int IngestAccepted,
    int GatewayRelayed,
    long Dropped,
    long Stored,
    long Lost,
    long Duplicated,
    long StoredUnconfirmed,
    long? Unfiled,
    long Parked,
    long ErrorQueued,
    IReadOnlyDictionary<string, long> StillQueued,
    TimeSpan? Recovery,
    IReadOnlyDictionary<string, int> IngestRetries,
    IReadOnlyDictionary<string, int> GatewayFailures,
    int SpecialistAnswers);
