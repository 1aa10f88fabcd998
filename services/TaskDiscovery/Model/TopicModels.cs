namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>A topic (intent) within a task: its stable id, its c-TF-IDF label and top terms, and its calls.</summary>
public sealed record TopicSummary(int Id, string Label, IReadOnlyList<string> Terms, long Calls, double Share);

/// <summary>
/// A task's topics, largest first. <see cref="Outliers"/> are calls close to no topic (they wait in the pool for the
/// next re-clustering); <see cref="Unclustered"/> are calls that arrived without request text.
/// </summary>
public sealed record TaskTopics(Guid TaskId, IReadOnlyList<TopicSummary> Topics, long Outliers, long Unclustered, DateTimeOffset? ClusteredAt);

/// <summary>A topic's centroid and the similarity a newcomer needs to join it; the task it belongs to may be one split off.</summary>
public sealed record TopicCentroid(Guid TaskId, int TopicId, float[] Centroid, float MinSimilarity);

/// <summary>A topic found by a clustering run, ready to be stored.</summary>
public sealed record ClusteredTopic(int TopicId, string Label, IReadOnlyList<string> Terms, float[] Centroid, float MinSimilarity);
