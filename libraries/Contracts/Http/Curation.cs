namespace SlmPlatform.Contracts.Http;

// The tasks service's topics and curation API (/api/tasks/{id}/topics, PATCH /api/tasks/{id}, /merge, /split), as it
// answers and as the console sends and reads it.

/// <summary>A topic (intent) within a task: its stable id, its c-TF-IDF label and top terms, and its calls.</summary>
public sealed record TopicSummary(int Id, string Label, IReadOnlyList<string> Terms, long Calls, double Share);

/// <summary>
/// A task's topics, largest first. <see cref="Outliers"/> are calls close to no topic (they wait in the pool for the
/// next re-clustering); <see cref="Unclustered"/> are calls that arrived without request text.
/// </summary>
public sealed record TaskTopics(Guid TaskId, IReadOnlyList<TopicSummary> Topics, long Outliers, long Unclustered, DateTimeOffset? ClusteredAt);

/// <summary>A new name and/or whether the task is ignored; fields left out stay as they are.</summary>
public sealed record TaskUpdate(string? Name, bool? Ignored);

/// <summary>The tasks to fold into the one addressed.</summary>
public sealed record TaskMerge(IReadOnlyList<Guid>? TaskIds);

/// <summary>The topics to split off into a new task, and its name.</summary>
public sealed record TaskSplit(IReadOnlyList<int>? TopicIds, string? Name);

/// <summary>The outcome of a split: the task split from, and the new one.</summary>
public sealed record TaskSplitResult(Guid TaskId, Guid NewTaskId);
