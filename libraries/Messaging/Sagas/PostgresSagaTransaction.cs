using System.Buffers.Binary;
using System.Text.Json;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Messaging.Sagas;

/// <summary>
/// One message's work on a saga's instances: a transaction that first takes the instance's advisory lock, so that two
/// messages for the same instance, on any replica, run one after the other and each sees what the other saved.
/// </summary>
public sealed class PostgresSagaTransaction<TSaga>(NpgsqlConnection connection, NpgsqlTransaction transaction, string table) : IAsyncDisposable
    where TSaga : class, ISaga
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly long _tableKey = StableHash(table);

    /// <summary>Waits for the instance's lock (held until commit or rollback), then reads it; null when there is none yet.</summary>
    public async Task<TSaga?> LockAndLoadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using (var lockCommand = Command("select pg_advisory_xact_lock($1)"))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = _tableKey ^ LockKey(correlationId) });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = Command($"select data::text from {table} where correlation_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<TSaga>(json, Json) : null;
    }

    public async Task SaveAsync(TSaga instance, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"insert into {table} (correlation_id, data, updated_at) values ($1, $2, now()) on conflict (correlation_id) do update set data = excluded.data, updated_at = now()");
        command.Parameters.Add(new NpgsqlParameter { Value = instance.CorrelationId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(instance, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken)
    {
        await using var command = Command($"delete from {table} where correlation_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = instance.CorrelationId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    private static long LockKey(Guid correlationId)
    {
        Span<byte> bytes = stackalloc byte[16];
        correlationId.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
    }

    // string.GetHashCode changes from process to process; the lock key must be the same on every replica.
    private static long StableHash(string text)
    {
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211L);
        }

        return hash;
    }
}
