namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>One day of routing for a task, summed from the gateways' tallies.</summary>
public sealed record RoutingDay(
    DateOnly Day, long Answered, double AnsweredMilliseconds, long FellBack, long ShadowCompared = 0, long ShadowAgreed = 0, long ShadowFailed = 0,
    long Abstained = 0, double AbstainedMilliseconds = 0, long ShadowAbstained = 0);
