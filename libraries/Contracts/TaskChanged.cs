namespace SlmPlatform.Contracts;

/// <summary>
/// A task was renamed, ignored or restored, merged into another, had topics split off, its topics were re-clustered,
/// or a specialist was promoted to serve it or demoted. <see cref="Version"/> counts the task's changes; <see cref="EventId"/> derives from it, so a change
/// announced twice is dropped by consumers.
/// </summary>
public sealed record TaskChanged(
    Guid EventId,
    string TenantId,
    Guid TaskId,
    string Change,
    int Version,
    string Name,
    bool Ignored,
    Guid? MergedInto,
    Guid? SplitFrom);

/// <summary>The kinds of <see cref="TaskChanged"/>.</summary>
public static class TaskChanges
{
    public const string Renamed = "renamed";
    public const string Ignored = "ignored";
    public const string Restored = "restored";
    public const string Merged = "merged";
    public const string Absorbed = "absorbed";
    public const string Split = "split";
    public const string SplitOff = "split_off";
    public const string Topics = "topics";
    public const string Promoted = "promoted";
    public const string Demoted = "demoted";
}
