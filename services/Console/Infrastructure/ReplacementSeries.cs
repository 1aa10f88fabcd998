namespace SlmPlatform.Console.Infrastructure;

/// <summary>One bar of the replacements chart: a day and how many values of one type were replaced on it.</summary>
public sealed record ReplacementPoint(string Day, long Count);

/// <summary>The scrub report as chart series: one per entity type, most replaced first, each with a point for every day.</summary>
public static class ReplacementSeries
{
    public static IReadOnlyList<(string Type, IReadOnlyList<ReplacementPoint> Points)> Of(ScrubReport report) =>
        [.. report.Totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(type => (type.Key, (IReadOnlyList<ReplacementPoint>)[.. report.Buckets.Select(b =>
                new ReplacementPoint(b.Start.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), b.Replacements.GetValueOrDefault(type.Key)))]))];
}
