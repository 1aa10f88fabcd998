using Microsoft.Extensions.Options;
using SlmPlatform.Serving.Runtimes;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>
/// The specialists held in memory: loaded on first use, within a memory budget, the least recently used unloaded to
/// make room. Loads run one at a time so that the accounting stays exact; answers from loaded models never wait.
/// </summary>
public sealed partial class LoadedSpecialists(
    ISpecialistSource source,
    SpecialistLoader loader,
    IOptions<ServingOptions> options,
    TimeProvider time,
    ILogger<LoadedSpecialists> logger) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Dictionary<Guid, Entry> _loaded = [];

    /// <summary>The specialists in memory, most recently used first.</summary>
    public IReadOnlyList<(ISpecialist Specialist, DateTimeOffset LastUsed)> Loaded
    {
        get
        {
            lock (_loaded)
            {
                return [.. _loaded.Values.OrderByDescending(e => e.LastUsed).Select(e => (e.Specialist, e.LastUsed))];
            }
        }
    }

    /// <summary>The tenant's specialist, loading it if needed; null when the tenant has no such model.</summary>
    public async Task<ISpecialist?> GetAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        if (TryTouch(tenantId, modelId) is { } loaded)
        {
            return loaded;
        }

        var descriptor = await source.FindAsync(tenantId, modelId, cancellationToken);
        if (descriptor is null)
        {
            return null;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (TryTouch(tenantId, modelId) is { } raced)
            {
                return raced;
            }

            var specialist = await loader.LoadAsync(descriptor, cancellationToken);
            MakeRoom(specialist.MemoryBytes);
            lock (_loaded)
            {
                _loaded[modelId] = new Entry(specialist, time.GetUtcNow());
            }

            LogLoaded(modelId, specialist.MemoryBytes);
            return specialist;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Unloads the tenant's specialists (an erasure of the whole tenant); how many were loaded.</summary>
    public int Unload(string tenantId)
    {
        lock (_loaded)
        {
            var tenants = _loaded.Where(e => e.Value.Specialist.Descriptor.TenantId == tenantId).ToList();
            foreach (var (modelId, entry) in tenants)
            {
                _loaded.Remove(modelId);
                entry.Specialist.Dispose();
            }

            return tenants.Count;
        }
    }

    public void Dispose()
    {
        lock (_loaded)
        {
            foreach (var entry in _loaded.Values)
            {
                entry.Specialist.Dispose();
            }

            _loaded.Clear();
        }

        _loading.Dispose();
    }

    private ISpecialist? TryTouch(string tenantId, Guid modelId)
    {
        lock (_loaded)
        {
            if (_loaded.TryGetValue(modelId, out var entry) && entry.Specialist.Descriptor.TenantId == tenantId)
            {
                entry.LastUsed = time.GetUtcNow();
                return entry.Specialist;
            }

            return null;
        }
    }

    private void MakeRoom(long needed)
    {
        var budget = options.Value.MemoryBudgetBytes;
        if (needed > budget)
        {
            throw new SpecialistUnavailableException($"The model needs {needed:N0} bytes, more than the serving budget of {budget:N0}.");
        }

        lock (_loaded)
        {
            while (_loaded.Values.Sum(e => e.Specialist.MemoryBytes) + needed > budget)
            {
                var oldest = _loaded.MinBy(e => e.Value.LastUsed);
                _loaded.Remove(oldest.Key);
                oldest.Value.Specialist.Dispose();
                LogEvicted(oldest.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {ModelId} ({Bytes} bytes)")]
    private partial void LogLoaded(Guid modelId, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unloaded model {ModelId} to stay within the memory budget")]
    private partial void LogEvicted(Guid modelId);

    private sealed class Entry(ISpecialist specialist, DateTimeOffset lastUsed)
    {
        public ISpecialist Specialist { get; } = specialist;

        public DateTimeOffset LastUsed { get; set; } = lastUsed;
    }
}
