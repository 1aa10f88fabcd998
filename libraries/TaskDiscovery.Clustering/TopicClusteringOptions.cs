namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>Settings of <see cref="TopicClusterer"/>. Defaults were chosen on a sample of BANKING77's train split
/// (docs/task-discovery.md); the number of clusters is never given.</summary>
public sealed record TopicClusteringOptions
{
    /// <summary>Neighbours per vector in the smoothing graph.</summary>
    public int NeighborCount { get; init; } = 10;

    /// <summary>Rounds of neighbour smoothing before HDBSCAN; 0 clusters the vectors as they are.</summary>
    public int SmoothingIterations { get; init; } = 5;

    /// <summary>HDBSCAN's smallest cluster: fewer similar items than this are not a topic.</summary>
    public int MinClusterSize { get; init; } = 10;

    /// <summary>HDBSCAN's density neighbourhood (its min_samples); null uses <see cref="MinClusterSize"/>.</summary>
    public int? MinSamples { get; init; } = 5;

    public ClusterSelection Selection { get; init; } = ClusterSelection.ExcessOfMass;

    /// <summary>Whether HDBSCAN's noise is offered to the nearest cluster (by <see cref="ClusterAssigner"/>'s rule)
    /// before it counts as an outlier.</summary>
    public bool AbsorbNoise { get; init; } = true;

    /// <summary>Cosine a vector needs to a centroid to join that cluster, here and in later incremental assignment.</summary>
    public float AssignMinSimilarity { get; init; } = 0.5f;

    /// <summary>Quantile of a cluster's own members' similarity to its centroid that a newcomer must also reach; 0 (the
    /// loosest member) turns away no vector as close as a member already is.</summary>
    public double AssignMemberQuantile { get; init; } = 0.05;

    /// <summary>Above this many vectors a random sample of this size is clustered and the rest assigned to it;
    /// HDBSCAN's dense spanning tree is O(n²).</summary>
    public int MaxClusteredPoints { get; init; } = 8000;

    public int Seed { get; init; } = 20260101;
}
