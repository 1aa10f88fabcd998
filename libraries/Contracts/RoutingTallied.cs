namespace SlmPlatform.Contracts;

/// <summary>
/// What a gateway's routing did for one task on one UTC day since its previous tally: published every few seconds
/// while calls are routed, consumed by task discovery into the durable per-day rows that the savings report and the
/// promotion policy read. Counts add up: two tallies of the same day are summed. <see cref="EventId"/> is the tally's
/// own, so a redelivered one is counted once. Carries counts only, no call text.
/// </summary>
public sealed record RoutingTallied(Guid EventId, string TenantId, Guid TaskId, DateOnly Day, RoutingCounts Counts);

/// <summary>
/// Calls a specialist answered (and the milliseconds they took), calls that fell back to the teacher, online
/// comparisons with the teacher (compared, agreed, and shadow calls the specialist could not answer usably), and a
/// selective specialist's abstentions (calls it was not sure enough of, and the milliseconds that cost; in shadow, the
/// calls it would have left to the teacher).
/// </summary>
public sealed record RoutingCounts(
    long Answered = 0,
    double AnsweredMilliseconds = 0,
    long FellBack = 0,
    long ShadowCompared = 0,
    long ShadowAgreed = 0,
    long ShadowFailed = 0,
    long Abstained = 0,
    double AbstainedMilliseconds = 0,
    long ShadowAbstained = 0)
{
    public static RoutingCounts operator +(RoutingCounts a, RoutingCounts b) => new(
        a.Answered + b.Answered, a.AnsweredMilliseconds + b.AnsweredMilliseconds, a.FellBack + b.FellBack,
        a.ShadowCompared + b.ShadowCompared, a.ShadowAgreed + b.ShadowAgreed, a.ShadowFailed + b.ShadowFailed,
        a.Abstained + b.Abstained, a.AbstainedMilliseconds + b.AbstainedMilliseconds, a.ShadowAbstained + b.ShadowAbstained);
}
