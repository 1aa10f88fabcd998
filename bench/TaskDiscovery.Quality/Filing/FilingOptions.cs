namespace SlmPlatform.TaskDiscovery.Quality.Filing;

/// <summary>The built services the filing run starts, how many calls it files, and with how many tasks replicas on which vector store.</summary>
internal sealed record FilingOptions(int Calls, string Ingest, string Scrubber, string Tasks, int TasksReplicas, string VectorStore);
