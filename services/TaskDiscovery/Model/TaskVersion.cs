using Npgsql;

namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>A task as it stands after a change: what a <see cref="TaskChanged"/> event announces.</summary>
public sealed record TaskVersion(Guid TaskId, string TenantId, int Version, string Name, bool Ignored, Guid? MergedInto, Guid? SplitFrom)
{
    /// <summary>The columns <see cref="ReadAsync"/> expects, in order.</summary>
    public const string Columns = "task_id, tenant_id, version, name, ignored, merged_into, split_from";

    public static async Task<TaskVersion?> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TaskVersion(
            reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetBoolean(4),
            reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetGuid(6));
    }

    public TaskChanged ToEvent(string change) =>
        new(DeterministicId.Create("task-changed", TenantId, TaskId.ToString(), Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TenantId, TaskId, change, Version, Name, Ignored, MergedInto, SplitFrom);
}
