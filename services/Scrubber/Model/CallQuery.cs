namespace SlmPlatform.Scrubber.Model;

/// <summary>Filters and position of a call listing.</summary>
public sealed record CallQuery(string? Agent, string? Workload, long After, int Limit, DateTimeOffset? StartedFrom = null, DateTimeOffset? StartedBefore = null);
