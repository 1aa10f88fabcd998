namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>A new name and/or whether the task is ignored; fields left out stay as they are.</summary>
public sealed record TaskUpdate(string? Name, bool? Ignored);

/// <summary>The tasks to fold into the one addressed.</summary>
public sealed record TaskMerge(IReadOnlyList<Guid>? TaskIds);

/// <summary>The topics to split off into a new task, and its name.</summary>
public sealed record TaskSplit(IReadOnlyList<int>? TopicIds, string? Name);

/// <summary>The outcome of a split: the task split from, and the new one.</summary>
public sealed record TaskSplitResult(Guid TaskId, Guid NewTaskId);
