namespace SlmPlatform.Tasks.Model;

/// <summary>
/// What specialists saved for one task over a period: calls they answered instead of the teacher, fallbacks, and the
/// teacher's cost and latency those calls would have had (the task's own average cost per call and median latency).
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
    IReadOnlyList<RoutingDayFigures> Days);

public sealed record RoutingDayFigures(DateOnly Day, long SpecialistCalls, long Fallbacks, decimal CostAvoided);

/// <summary>The tenant's savings: each task that routed calls in the period, and the totals.</summary>
public sealed record SavingsReport(DateOnly From, DateOnly To, long SpecialistCalls, long Fallbacks, decimal CostAvoided, double LatencySavedMs, IReadOnlyList<TaskSavings> Tasks);
