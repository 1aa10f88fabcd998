namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Exact cosine search over vectors kept in one contiguous array: a SIMD dot product per stored vector, spread over
/// the cores for large indexes. 10^5 vectors of 384 floats take ~150 MB and are scanned in milliseconds; beyond a
/// few million vectors per tenant an approximate index (HNSW, Qdrant) is the better trade.
/// </summary>
public sealed partial class FlatVectorIndex : IVectorIndex, IDisposable
{
    // Below this many floats a scan is faster on one thread than the cost of fanning out.
    private const long ParallelScanFloats = 1 << 21;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tenantOrdinals = new(StringComparer.Ordinal);
    private readonly List<string> _tenantNames = [];
    private float[] _vectors;
    private string[] _ids;
    private int[] _tenants;

    public FlatVectorIndex(int dimensions, int initialCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        Dimensions = dimensions;
        _vectors = new float[(long)initialCapacity * dimensions];
        _ids = new string[initialCapacity];
        _tenants = new int[initialCapacity];
    }

    public int Dimensions { get; }

    public int Count { get; private set; }

    public void Upsert(string id, string tenant, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(tenant);
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.TryGetValue(id, out var slot))
            {
                slot = Count++;
                EnsureCapacity(Count);
                _slotById[id] = slot;
                _ids[slot] = id;
            }

            _tenants[slot] = TenantOrdinal(tenant, create: true);
            var target = _vectors.AsSpan(slot * Dimensions, Dimensions);
            vector.CopyTo(target);
            VectorMath.Normalize(target);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.Remove(id, out var slot))
            {
                return false;
            }

            // The last vector moves into the hole, so storage stays dense and scans have no gaps to skip.
            var last = --Count;
            if (slot != last)
            {
                _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                _ids[slot] = _ids[last];
                _tenants[slot] = _tenants[last];
                _slotById[_ids[slot]] = slot;
            }

            _ids[last] = null!;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Copies the (normalised) vector stored under <paramref name="id"/>; false when there is none.</summary>
    public bool TryCopy(string id, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {destination.Length}.", nameof(destination));
        }

        _lock.EnterReadLock();
        try
        {
            if (!_slotById.TryGetValue(id, out var slot))
            {
                return false;
            }

            _vectors.AsSpan(slot * Dimensions, Dimensions).CopyTo(destination);
            return true;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, string? tenant = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {query.Length}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var normalized = query.ToArray();
        VectorMath.Normalize(normalized);

        _lock.EnterReadLock();
        try
        {
            var tenantFilter = -1;
            if (tenant is not null)
            {
                tenantFilter = TenantOrdinal(tenant, create: false);
                if (tenantFilter < 0)
                {
                    return [];
                }
            }

            var best = (long)Count * Dimensions < ParallelScanFloats
                ? Scan(normalized, k, tenantFilter, 0, Count)
                : ScanParallel(normalized, k, tenantFilter);
            return [.. best.ToSortedArray().Select(h => new VectorHit(_ids[h.Item], h.Score))];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private TopK ScanParallel(float[] query, int k, int tenantFilter)
    {
        var parts = Environment.ProcessorCount;
        var partials = new TopK[parts];
        var chunk = (Count + parts - 1) / parts;
        Parallel.For(0, parts, p => partials[p] = Scan(query, k, tenantFilter, p * chunk, Math.Min(Count, (p + 1) * chunk)));
        var merged = new TopK(k);
        foreach (var partial in partials)
        {
            merged.AddAll(partial);
        }

        return merged;
    }

    private TopK Scan(float[] query, int k, int tenantFilter, int start, int end)
    {
        var best = new TopK(k);
        var vectors = _vectors.AsSpan();
        for (var slot = start; slot < end; slot++)
        {
            if (tenantFilter >= 0 && _tenants[slot] != tenantFilter)
            {
                continue;
            }

            best.Add(VectorMath.Dot(query, vectors.Slice(slot * Dimensions, Dimensions)), slot);
        }

        return best;
    }

    private int TenantOrdinal(string tenant, bool create)
    {
        if (_tenantOrdinals.TryGetValue(tenant, out var ordinal))
        {
            return ordinal;
        }

        if (!create)
        {
            return -1;
        }

        _tenantNames.Add(tenant);
        return _tenantOrdinals[tenant] = _tenantNames.Count - 1;
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _tenants, capacity);
    }
}
