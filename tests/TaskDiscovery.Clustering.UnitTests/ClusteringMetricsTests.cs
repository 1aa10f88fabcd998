namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Nmi_IdenticalUpToRenaming_IsOne()
    {
        Assert.Equal(1.0, ClusteringMetrics.Nmi([0, 0, 1, 1, 2], [5, 5, 3, 3, 9]), 12);
        Assert.Equal(1.0, ClusteringMetrics.Ari([0, 0, 1, 1, 2], [5, 5, 3, 3, 9]), 12);
    }

    [Fact]
    public void Nmi_HandComputedExample()
    {
        // truth {0,0,1,1}, predicted {0,0,0,1}: cells (0,0) = 2, (1,0) = 1, (1,1) = 1 of 4.
        // I = 2/4 ln(2/4 / (1/2·3/4)) + 1/4 ln(1/4 / (1/2·3/4)) + 1/4 ln(1/4 / (1/2·1/4))
        //   = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2; H(T) = ln 2; H(P) = -(3/4 ln 3/4 + 1/4 ln 1/4).
        // NMI = 2I / (H(T) + H(P)) ≈ 0.3437 (scikit-learn's normalized_mutual_info_score gives the same).
        var mutual = (0.5 * Math.Log(4.0 / 3)) + (0.25 * Math.Log(2.0 / 3)) + (0.25 * Math.Log(2));
        var hp = -((0.75 * Math.Log(0.75)) + (0.25 * Math.Log(0.25)));
        var expected = 2 * mutual / (Math.Log(2) + hp);

        Assert.Equal(expected, ClusteringMetrics.Nmi([0, 0, 1, 1], [0, 0, 0, 1]), 12);
        Assert.Equal(0.3437, expected, 4);
    }

    [Fact]
    public void Ari_HandComputedExample()
    {
        // Contingency [[2,0],[1,1]]: index = C(2,2) = 1; rows 1 + 1 = 2; columns C(3,2) + 0 = 3; pairs C(4,2) = 6.
        // expected = 2·3/6 = 1; max = (2+3)/2 = 2.5; ARI = (1-1)/(2.5-1) = 0.
        Assert.Equal(0.0, ClusteringMetrics.Ari([0, 0, 1, 1], [0, 0, 0, 1]), 12);
        // Contingency [[2,1],[0,3]]: index C(2,2) + C(3,2) = 4; rows C(3,2)·2 = 6; columns C(2,2) + C(4,2) = 7;
        // pairs C(6,2) = 15. expected = 6·7/15 = 2.8; max = 6.5; ARI = 1.2/3.7.
        Assert.Equal(1.2 / 3.7, ClusteringMetrics.Ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]), 12);
    }

    [Fact]
    public void Nmi_OutliersCountAsSingletons_NotAsOneCluster()
    {
        int[] truth = [0, 0, 0, 1, 1, 1];

        var withOutliers = ClusteringMetrics.Nmi(truth, [0, 0, -1, 1, 1, -1]);
        var asOneCluster = ClusteringMetrics.Nmi(truth, [0, 0, 2, 1, 1, 2]);

        Assert.Equal(ClusteringMetrics.Nmi(truth, [0, 0, 2, 1, 1, 3]), withOutliers, 12);
        Assert.NotEqual(asOneCluster, withOutliers, 6);
        Assert.Equal([0, 0, 2, 1, 1, 3], ClusteringMetrics.OutliersAsSingletons([0, 0, -1, 1, 1, -1]));
    }
}
