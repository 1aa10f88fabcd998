namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>When and how topics within a task are (re)clustered.</summary>
public sealed class TopicOptions
{
    public const string SectionName = "Topics";

    /// <summary>Calls with request text a task needs before its topics are clustered at all.</summary>
    public int MinCalls { get; set; } = 30;

    /// <summary>Growth in calls (a share of the last run's) that makes a task due for re-clustering.</summary>
    public double Growth { get; set; } = 0.2;

    /// <summary>How often the worker looks for tasks that are due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The smallest group of calls that makes a topic (HDBSCAN's min cluster size).</summary>
    public int MinClusterSize { get; set; } = 10;

    /// <summary>Top c-TF-IDF terms kept per topic; the first three make its label.</summary>
    public int Terms { get; set; } = 8;
}
