using SlmPlatform.TaskDiscovery.Clustering;

namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>The topics a new call of a task family can join: the nearest centroid, when the call is close enough to it.</summary>
public sealed class TopicCentroids(IReadOnlyList<TopicCentroid> topics)
{
    public static readonly TopicCentroids None = new([]);

    public int Count => topics.Count;

    /// <summary>The topic the vector joins, or null when it belongs in the outlier pool.</summary>
    public TopicCentroid? Assign(ReadOnlySpan<float> vector)
    {
        var unit = vector.ToArray();
        VectorMath.Normalize(unit);
        TopicCentroid? best = null;
        var bestScore = float.NegativeInfinity;
        foreach (var topic in topics)
        {
            if (topic.Centroid.Length != unit.Length)
            {
                continue;
            }

            var score = VectorMath.Dot(unit, topic.Centroid);
            if (score > bestScore)
            {
                (best, bestScore) = (topic, score);
            }
        }

        return best is not null && bestScore >= best.MinSimilarity ? best : null;
    }
}
