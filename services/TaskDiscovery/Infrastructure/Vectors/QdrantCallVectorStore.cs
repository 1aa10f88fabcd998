using Grpc.Core;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// Call embeddings in Qdrant: one collection for all tenants, every point carrying its tenant (indexed) and every
/// query filtered on it. Point ids derive from (tenant, call id), so a redelivered call overwrites its point.
/// Untested against a live server on the build machine (none can be installed there); see the README.
/// </summary>
public sealed class QdrantCallVectorStore(QdrantClient client, IOptions<VectorStoreOptions> options) : ICallVectorStore, IDisposable
{
    private const string TenantField = "tenant_id";
    private const string CallField = "call_id";
    private const string TaskField = "task_id";

    private readonly string _collection = options.Value.Collection;
    private readonly SemaphoreSlim _created = new(1, 1);
    private volatile bool _exists;

    public async Task UpsertAsync(string tenantId, IReadOnlyList<CallVector> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync((ulong)vectors[0].Vector.Length, cancellationToken);
        var points = vectors.Select(v => new PointStruct
        {
            Id = PointIdOf(tenantId, v.CallId),
            Vectors = v.Vector,
            Payload = { [TenantField] = tenantId, [CallField] = v.CallId, [TaskField] = v.TaskId.ToString() },
        }).ToList();
        await client.UpsertAsync(_collection, points, wait: true, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<CallVector>> GetAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        if (callIds.Count == 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var points = await client.RetrieveAsync(
            _collection, [.. callIds.Select(id => PointIdOf(tenantId, id))], withPayload: true, withVectors: true, cancellationToken: cancellationToken);
        return [.. points
            .Where(p => p.Payload[TenantField].StringValue == tenantId)
            .Select(p => new CallVector(p.Payload[CallField].StringValue, Guid.Parse(p.Payload[TaskField].StringValue), [.. p.Vectors.Vector.Dense.Data]))];
    }

    public async Task<long> DeleteAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        if (callIds.Count == 0 || !await CollectionExistsAsync(cancellationToken))
        {
            return 0;
        }

        var present = await GetAsync(tenantId, callIds, cancellationToken);
        if (present.Count > 0)
        {
            await client.DeleteAsync(_collection, [.. present.Select(v => PointIdOf(tenantId, v.CallId))], wait: true, cancellationToken: cancellationToken);
        }

        return present.Count;
    }

    public async Task<IReadOnlyList<CallSimilarity>> SearchAsync(string tenantId, ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            return [];
        }

        var hits = await client.QueryAsync(
            _collection, query.ToArray(), filter: MatchKeyword(TenantField, tenantId), limit: (ulong)limit, payloadSelector: true, cancellationToken: cancellationToken);
        return [.. hits.Select(h => new CallSimilarity(h.Payload[CallField].StringValue, h.Score))];
    }

    public void Dispose() => _created.Dispose();

    private static PointId PointIdOf(string tenantId, string callId) => DeterministicId.Create("call-vector", tenantId, callId);

    private async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        _exists || (_exists = await client.CollectionExistsAsync(_collection, cancellationToken));

    /// <summary>
    /// Another replica may create the collection between the check and the creation: its refusal then means the
    /// collection is there, which is all that was wanted.
    /// </summary>
    private async Task CreateCollectionAsync(ulong dimensions, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateCollectionAsync(
                _collection,
                new VectorParams { Size = dimensions, Distance = Distance.Cosine },
                shardNumber: options.Value.ShardNumber,
                replicationFactor: options.Value.ReplicationFactor,
                cancellationToken: cancellationToken);
        }
        catch (RpcException)
        {
            if (!await client.CollectionExistsAsync(_collection, cancellationToken))
            {
                throw;
            }
        }

        await client.CreatePayloadIndexAsync(_collection, TenantField, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
    }

    private async Task EnsureCollectionAsync(ulong dimensions, CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }

        await _created.WaitAsync(cancellationToken);
        try
        {
            if (!await client.CollectionExistsAsync(_collection, cancellationToken))
            {
                await CreateCollectionAsync(dimensions, cancellationToken);
            }

            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }
}
