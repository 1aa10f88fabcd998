namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

public sealed class ClusterIdMatcherTests
{
    [Fact]
    public void Match_ReclusteringWithRenumberedLabels_KeepsIds()
    {
        var (set, _) = Blobs.Make(clusters: 4, perCluster: 25, spread: 0.08, seed: 11);
        var items = Enumerable.Range(0, set.Count).Select(i => $"call-{i}").ToArray();
        var first = TopicClusterer.Cluster(set, null, TestContext.Current.CancellationToken);
        var (firstIds, next) = ClusterIdMatcher.Match(items, first.Labels, new Dictionary<string, long>(), nextId: 100);
        var previous = items.Select((item, i) => (item, first.Labels[i])).Where(p => p.Item2 >= 0)
            .ToDictionary(p => p.item, p => firstIds[p.Item2]);

        // The same items in another order, with a seed that shuffles the sampling: labels come out renumbered.
        var order = Enumerable.Range(0, set.Count).Reverse().ToArray();
        var second = TopicClusterer.Cluster(set.Subset(order), null, TestContext.Current.CancellationToken);
        var (secondIds, nextAfter) = ClusterIdMatcher.Match([.. order.Select(i => items[i])], second.Labels, previous, next);

        for (var j = 0; j < order.Length; j++)
        {
            if (second.Labels[j] >= 0 && previous.TryGetValue(items[order[j]], out var old))
            {
                Assert.Equal(old, secondIds[second.Labels[j]]);
            }
        }

        Assert.Equal(next, nextAfter);
        Assert.Equal(104, next);
    }

    [Fact]
    public void Match_SplitMergeAndNewCluster_FollowOverlap()
    {
        // Old: A = {1..6} (id 10), B = {7,8} (id 20), C = {9,10} (id 30).
        var previous = new Dictionary<string, long>
        {
            ["1"] = 10, ["2"] = 10, ["3"] = 10, ["4"] = 10, ["5"] = 10, ["6"] = 10,
            ["7"] = 20, ["8"] = 20, ["9"] = 30, ["10"] = 30,
        };
        // New: A split into {1..4} and {5,6}; B and C merged; {11,12} are new items in a new cluster; 13 an outlier.
        string[] items = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];
        int[] labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, -1];

        var (ids, next) = ClusterIdMatcher.Match(items, labels, previous, nextId: 40);

        Assert.Equal(10, ids[0]); // the larger part keeps A's id
        Assert.Equal(20, ids[2]); // the merge keeps one old id (ties go to the lower)
        Assert.Equal(40, ids[1]);
        Assert.Equal(41, ids[3]);
        Assert.Equal(42, next);
        Assert.Equal(4, ids.Count);
    }
}
