using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SlmPlatform.Messaging;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Routing changes waiting to be published to the gateways: added in the transaction that changes a task's specialist
/// (or on their own for a new route key), published and removed by <see cref="RouteChangeDispatcher"/>.
/// </summary>
public sealed class RouteChangeOutbox(NpgsqlDataSource dataSource)
{
    private readonly WakeSignal _added = new();

    /// <summary>The change of a task's routing state at <paramref name="version"/>; its id follows from what it says, so
    /// adding the same change twice (a retried consumer) keeps one row.</summary>
    public static SpecialistRouteChanged Change(string tenantId, Guid taskId, int version, IReadOnlyList<string> routeKeys, SpecialistRoute? route, DateTimeOffset at)
    {
        var keys = routeKeys.Order(StringComparer.Ordinal).ToArray();
        var id = DeterministicId.Create("route-changed", tenantId, taskId.ToString(), version.ToString(CultureInfo.InvariantCulture), route?.ModelId.ToString() ?? "none", string.Join('\u001f', keys));
        return new SpecialistRouteChanged(id, tenantId, taskId, version, keys, route, at);
    }

    public async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SpecialistRouteChanged change, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "insert into route_change_outbox (event_id, tenant_id, task_id, message) values ($1, $2, $3, $4) on conflict (event_id) do nothing",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = change.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = change.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = change.TaskId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(change), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddAsync(SpecialistRouteChanged change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AddAsync(connection, null, change, cancellationToken);
        Nudge();
    }

    /// <summary>Wakes the dispatcher after a commit that added changes.</summary>
    public void Nudge() => _added.Notify();

    /// <summary>Waits until a change is added or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _added.WaitAsync(timeout, cancellationToken);

    /// <summary>The oldest changes not yet published, oldest first.</summary>
    public async Task<IReadOnlyList<SpecialistRouteChanged>> PendingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select message::text from route_change_outbox order by created_at, event_id limit $1");
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var pending = new List<SpecialistRouteChanged>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(JsonSerializer.Deserialize<SpecialistRouteChanged>(reader.GetString(0))!);
        }

        return pending;
    }

    public async Task RemoveAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from route_change_outbox where event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
