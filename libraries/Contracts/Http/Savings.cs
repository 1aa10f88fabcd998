namespace SlmPlatform.Contracts.Http;

// The tasks service's savings report (GET /api/savings), as it answers and as the console reads it.

/// <summary>
/// What specialists saved for one task over a period: calls they answered instead of the teacher, fallbacks, and the
/// teacher's cost and latency those calls would have had (the task's own average cost per call and median latency);
/// and how often the specialist agreed with the teacher on the calls compared online (shadow calls and sampled ones),
/// with the shadow calls it could not answer usably. A selective specialist's abstentions (calls it was not sure enough
/// of, which the teacher answered) are counted apart, and <see cref="Coverage"/> is the share of the routed calls it
/// answered itself.
/// </summary>
public sealed record TaskSavings(
    Guid TaskId,
    string Name,
    long SpecialistCalls,
    long Fallbacks,
    double FallbackRate,
    decimal TeacherCostPerCall,
    decimal CostAvoided,
    double? TeacherLatencyP50Ms,
    double? SpecialistLatencyMeanMs,
    double? LatencySavedMs,
    IReadOnlyList<RoutingDayFigures> Days,
    long ShadowCompared = 0,
    long ShadowAgreed = 0,
    long ShadowFailed = 0,
    Agreement? ShadowAgreement = null,
    long Abstentions = 0,
    double? Coverage = null,
    long ShadowAbstentions = 0);

public sealed record RoutingDayFigures(DateOnly Day, long SpecialistCalls, long Fallbacks, decimal CostAvoided, long ShadowCompared = 0, long ShadowAgreed = 0);

/// <summary>A share of agreeing answers with its 95 % Wilson interval, over <see cref="N"/> compared calls.</summary>
public sealed record Agreement(double Value, double Low, double High, long N);

/// <summary>The tenant's savings: each task that routed calls in the period, and the totals.</summary>
public sealed record SavingsReport(DateOnly From, DateOnly To, long SpecialistCalls, long Fallbacks, decimal CostAvoided, double LatencySavedMs, IReadOnlyList<TaskSavings> Tasks);
