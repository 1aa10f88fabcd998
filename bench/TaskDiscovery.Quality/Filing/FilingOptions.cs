namespace SlmPlatform.TaskDiscovery.Quality.Filing;

/// <summary>The built services the filing run starts, and how many calls it files.</summary>
internal sealed record FilingOptions(int Calls, string Ingest, string Scrubber, string Tasks);
