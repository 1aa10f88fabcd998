namespace SlmPlatform.Routing.Benchmarks;

/// <summary>One case's per-call times (µs): percentiles and mean.</summary>
internal sealed record CaseResult(string Name, string Role, int Calls, double P50, double P99, double Mean)
{
    public static CaseResult Of(string name, string role, List<double> times)
    {
        times.Sort();
        return new CaseResult(name, role, times.Count, At(times, 0.50), At(times, 0.99), times.Average());
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
}
