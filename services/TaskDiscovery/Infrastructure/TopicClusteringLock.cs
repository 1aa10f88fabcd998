using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// One re-clustering of a task at a time across every replica: a session advisory lock on the task, held on a
/// connection of its own for the run and released when the handle is disposed (or by the server, when a replica dies
/// and its session ends).
/// </summary>
public sealed class TopicClusteringLock(NpgsqlDataSource dataSource)
{
    /// <summary>The lock, once held; null when <paramref name="wait"/> is false and another run holds it.</summary>
    public async Task<IAsyncDisposable?> AcquireAsync(Guid taskId, bool wait, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                wait ? "select pg_advisory_lock(hashtextextended($1, 0)) is not null" : "select pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Key(taskId) });
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection, Key(taskId));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private static string Key(Guid taskId) => $"topics/{taskId}";

    private sealed class Held(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
