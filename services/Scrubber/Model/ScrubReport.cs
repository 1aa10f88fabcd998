namespace SlmPlatform.Scrubber.Model;

/// <summary>Replacements by entity type per time bucket, for the caller's tenant, from stored calls.</summary>
public sealed record ScrubReport(DateTimeOffset From, DateTimeOffset To, string Bucket, IReadOnlyList<ScrubReportBucket> Buckets, IReadOnlyDictionary<string, long> Totals);

/// <summary>One bucket: when it starts (UTC), how many calls were stored in it and what was replaced in them.</summary>
public sealed record ScrubReportBucket(DateTimeOffset Start, long Calls, IReadOnlyDictionary<string, long> Replacements);
