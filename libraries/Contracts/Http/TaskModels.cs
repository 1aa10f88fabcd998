namespace SlmPlatform.Contracts.Http;

// The tasks service's read API (GET /api/tasks, /api/tasks/{id}, /api/tasks/{id}/calls), as it answers and as other
// services read it.

/// <summary>
/// A recurring task with its statistics. Cost is in US dollars from the price table; unpriced models count zero and are
/// named. <see cref="Small"/>: fewer calls than finding its topics takes (the tasks service's <c>Topics:MinCalls</c>,
/// 30 by default) — a call site seen a few times, kept and counted, not yet worth a specialist.
/// </summary>
public sealed record TaskSummary(
    Guid Id,
    string Name,
    string Agent,
    string? Workload,
    string OutputKind,
    long Calls,
    long PromptTokens,
    long CompletionTokens,
    decimal Cost,
    IReadOnlyList<string> UnpricedModels,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    int DistinctLabels,
    double Suitability,
    DateTimeOffset CreatedAt,
    string Status,
    Guid? SplitFrom,
    int Version,
    long Topics,
    bool Small = false);

/// <summary>Whether a task is worth a specialist in its owner's eyes: an ignored task is kept, counted and never trained.</summary>
public static class TaskStatuses
{
    public const string Active = "active";
    public const string Ignored = "ignored";
}

/// <summary>
/// A task with the distribution of its label-like outputs (most common first) and the keys the gateway can route its
/// calls by (a workload tag, or keyed hashes of its system prompts).
/// </summary>
public sealed record TaskDetail(TaskSummary Task, IReadOnlyList<LabelCount> Labels, IReadOnlyList<string> RouteKeys, TaskSpecialist? Specialist = null);

public sealed record LabelCount(string Label, long Calls);

/// <summary>One call of a task, with its topic (null while it is an outlier or not yet clustered).</summary>
public sealed record TaskCall(string CallId, DateTimeOffset StartedAt, string? Model, int? PromptTokens, int? CompletionTokens, double? LatencyMs, string? OutputLabel, int? TopicId);

public sealed record TaskCallPage(IReadOnlyList<TaskCall> Items, string? Next);
