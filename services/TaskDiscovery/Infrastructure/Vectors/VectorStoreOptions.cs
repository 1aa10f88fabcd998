namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// Where call embeddings are kept: <c>embedded</c> (a folder on this host, one replica), <c>postgres</c> (the tasks
/// database, shared by replicas where no Qdrant runs) or <c>qdrant</c>.
/// </summary>
public sealed class VectorStoreOptions
{
    public const string SectionName = "VectorStore";

    public const string Embedded = "embedded";
    public const string Postgres = "postgres";
    public const string Qdrant = "qdrant";

    public string Provider { get; set; } = Embedded;

    /// <summary>The embedded store's folder; relative paths are under the content root.</summary>
    public string Path { get; set; } = "data/vectors";

    /// <summary>Log records written before the embedded store folds them into a new snapshot.</summary>
    public int CompactAfterRecords { get; set; } = 50_000;

    /// <summary>Qdrant's gRPC endpoint (port 6334), for the <c>qdrant</c> provider.</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Shards of the Qdrant collection, set when it is created (a cluster spreads them over its peers).</summary>
    public uint ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard on a Qdrant cluster (2 or more: a peer can be lost).</summary>
    public uint ReplicationFactor { get; set; } = 1;

    /// <summary>The Qdrant collection shared by all tenants (each point carries its tenant, and every query filters on it).</summary>
    public string Collection { get; set; } = "slm-calls";
}
