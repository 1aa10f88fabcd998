namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>One search result: the stored id and its cosine similarity to the query.</summary>
public readonly record struct VectorHit(string Id, float Score);
