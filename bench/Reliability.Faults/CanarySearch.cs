using Npgsql;
using SlmPlatform.Testing;
using StackExchange.Redis;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// Looks for the run's canaries everywhere the platform keeps anything: every row of every table in the calls and
/// platform databases, and task discovery's where it runs (as text), every message left in any queue (error queues included), every key and value in
/// Redis, and every file the services wrote (their logs, the gateway's capture buffer, their temp folder).
/// </summary>
internal static class CanarySearch
{
    private const int PeekedPerQueue = 5_000;

    public static async Task<IReadOnlyList<string>> FindAsync(FaultPlatform platform, Canaries canaries, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var databases = new[] { ("callsdb", platform.CallsDb), ("platformdb", platform.PlatformDb), ("tasksdb", platform.TasksDb), ("trainingdb", platform.TrainingDb) };
        foreach (var (name, database) in databases.Where(d => d.Item2 is not null))
        {
            found.AddRange(await InTablesAsync(name, database!, canaries, cancellationToken));
        }

        foreach (var (queue, state) in await TestVirtualHost.QueueStatesAsync(platform.Messaging, cancellationToken))
        {
            if (state.Messages > 0 && (await TestVirtualHost.PeekAsync(platform.Messaging, queue, PeekedPerQueue, cancellationToken)).Any(m => Contains(m, canaries)))
            {
                found.Add($"queue {queue}");
            }
        }

        found.AddRange(await InRedisAsync(canaries));
        var folders = platform.CaptureDisk is { } disk ? [platform.Workspace, new DirectoryInfo(disk.Path)] : new[] { platform.Workspace };
        foreach (var folder in folders)
        {
            foreach (var file in await RegularFilesAsync(folder, cancellationToken))
            {
                if (Contains(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, cancellationToken)), canaries))
                {
                    found.Add($"file {Path.GetRelativePath(folder.FullName, file)}");
                }
            }
        }

        return found;
    }

    // Regular files only: the runtime keeps its debugger pipes (FIFOs, which block a reader) and diagnostics sockets
    // in the services' temp folder, and .NET cannot tell a file's type before opening it.
    private static async Task<IReadOnlyList<string>> RegularFilesAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        using var find = Process.Start(new ProcessStartInfo("find", [directory.FullName, "-type", "f", "-print0"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = await find.StandardOutput.ReadToEndAsync(cancellationToken);
        await find.WaitForExitAsync(cancellationToken);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Contains(string text, Canaries canaries) =>
        canaries.Tokens.Any(token => text.Contains(token, StringComparison.Ordinal));

    private static async Task<IEnumerable<string>> InTablesAsync(string name, string database, Canaries canaries, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("select quote_ident(table_name) from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            // Sealed (bytea) columns read as hex in t::text, so a canary there would not be found; one in clear would.
            await using var search = dataSource.CreateCommand($"select count(*) from {table} t where strpos(t::text, $1) > 0 or strpos(t::text, $2) > 0");
            search.Parameters.Add(new NpgsqlParameter { Value = canaries.EmailToken });
            search.Parameters.Add(new NpgsqlParameter { Value = canaries.CardToken });
            if ((long)(await search.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                found.Add($"{name}.{table}");
            }
        }

        return found;
    }

    private static async Task<IEnumerable<string>> InRedisAsync(Canaries canaries)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var database = redis.GetDatabase();
        var found = new List<string>();
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endpoint).KeysAsync(pageSize: 1_000))
            {
                IEnumerable<string?> values = await database.KeyTypeAsync(key) switch
                {
                    RedisType.String => new[] { (string?)await database.StringGetAsync(key) },
                    RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { (string?)e.Name, (string?)e.Value }),
                    RedisType.List => (await database.ListRangeAsync(key)).Select(v => (string?)v),
                    RedisType.Set => (await database.SetMembersAsync(key)).Select(v => (string?)v),
                    RedisType.SortedSet => (await database.SortedSetRangeByRankAsync(key)).Select(v => (string?)v),
                    RedisType.Stream => (await database.StreamRangeAsync(key)).SelectMany(e => e.Values.Select(v => (string?)v.Value)),
                    _ => Enumerable.Empty<string?>(),
                };
                if (Contains(key.ToString(), canaries) || values.Any(v => v is not null && Contains(v, canaries)))
                {
                    found.Add($"redis {key}");
                }
            }
        }

        return found;
    }
}
