using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// The right to evaluate one model on one dataset, held in trainingdb for as long as the evaluation runs: a session
/// advisory lock, so two replicas (or a redelivered message) never score the same pair at once, and a crashed holder
/// lets go with its connection. A second taker waits its turn, then finds the first one's stored result.
/// </summary>
public sealed class EvaluationLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private EvaluationLease(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock's key: the same on every replica for the same model and dataset.</summary>
    public static long KeyOf(Guid modelId, string datasetId) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"model-evaluation/{modelId:N}/{datasetId}")));

    public static async Task<EvaluationLease> TakeAsync(NpgsqlDataSource dataSource, Guid modelId, string datasetId, CancellationToken cancellationToken)
    {
        var key = KeyOf(modelId, datasetId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new EvaluationLease(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", _connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _key });
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock went with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
