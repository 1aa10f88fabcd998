namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

public sealed class TopicClustererTests
{
    [Fact]
    public void Cluster_WellSeparatedBlobs_RecoversThemWithoutBeingToldK()
    {
        var (set, truth) = Blobs.Make(clusters: 6, perCluster: 40, spread: 0.08, seed: 1);

        var result = TopicClusterer.Cluster(set, null, TestContext.Current.CancellationToken);

        Assert.Equal(6, result.ClusterCount);
        Assert.True(ClusteringMetrics.Nmi(truth, result.Labels) > 0.99, $"NMI {ClusteringMetrics.Nmi(truth, result.Labels)}");
    }

    [Fact]
    public void Cluster_PlainHdbscan_RecoversBlobs()
    {
        var (set, truth) = Blobs.Make(clusters: 5, perCluster: 30, spread: 0.08, seed: 2);

        var labels = Hdbscan.Cluster(set, minClusterSize: 10, minSamples: 5, ClusterSelection.ExcessOfMass, TestContext.Current.CancellationToken);

        Assert.True(ClusteringMetrics.Nmi(truth, labels) > 0.99);
    }

    [Fact]
    public void Cluster_FarAwayStrays_AreKeptApartAsOutliers()
    {
        var (blobs, _) = Blobs.Make(clusters: 4, perCluster: 30, spread: 0.08, seed: 3);
        var random = new Random(4);
        var data = blobs.Data.ToList();
        for (var i = 0; i < 5; i++)
        {
            data.AddRange(Blobs.RandomUnit(random, blobs.Dimensions));
        }

        var result = TopicClusterer.Cluster(new VectorSet([.. data], blobs.Dimensions), null, TestContext.Current.CancellationToken);

        Assert.Equal(4, result.ClusterCount);
        Assert.All(result.Labels[^5..], l => Assert.Equal(-1, l));
        Assert.All(result.Labels[..^5], l => Assert.True(l >= 0));
    }

    [Fact]
    public void Cluster_LargeSetPath_SamplesThenAssignsTheRest()
    {
        var (set, truth) = Blobs.Make(clusters: 5, perCluster: 100, spread: 0.08, seed: 5);

        var result = TopicClusterer.Cluster(set, new TopicClusteringOptions { MaxClusteredPoints = 150 }, TestContext.Current.CancellationToken);

        Assert.Equal(5, result.ClusterCount);
        // Newcomers looser than a cluster's loosest 5% of members go to the outlier pool; all others join their blob.
        var assigned = Enumerable.Range(0, truth.Length).Where(i => result.Labels[i] >= 0).ToArray();
        Assert.True(assigned.Length > 0.9 * truth.Length, $"{assigned.Length} assigned");
        Assert.Equal(1.0, ClusteringMetrics.Nmi([.. assigned.Select(i => truth[i])], [.. assigned.Select(i => result.Labels[i])]), 9);
    }

    [Fact]
    public void Assigner_NearVectorJoinsItsCluster_FarVectorGoesToOutliers()
    {
        var (set, truth) = Blobs.Make(clusters: 3, perCluster: 20, spread: 0.05, seed: 6);
        var assigner = ClusterAssigner.Fit(set, truth);

        var near = set[4].ToArray();
        near[0] += 0.01f;
        var (cluster, similarity) = assigner.Assign(near);
        var far = assigner.Assign(Blobs.RandomUnit(new Random(7), set.Dimensions));

        Assert.Equal(truth[4], cluster);
        Assert.True(similarity > 0.9f);
        Assert.Equal(-1, far.ClusterId);
    }
}
