namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>A topic's centroid and the similarity a newcomer needs to join it; the task it belongs to may be one split off.</summary>
public sealed record TopicCentroid(Guid TaskId, int TopicId, float[] Centroid, float MinSimilarity);

/// <summary>A topic found by a clustering run, ready to be stored.</summary>
public sealed record ClusteredTopic(int TopicId, string Label, IReadOnlyList<string> Terms, float[] Centroid, float MinSimilarity);
