using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Clustering;

namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// Call embeddings in this process: an exact in-memory index for search, made durable by an append-only log that is
/// replayed on start and rewritten compactly now and then. A write returns once its records are handed to the
/// operating system, so a crashed service loses nothing it acknowledged (a redelivered message rewrites the rest).
/// </summary>
public sealed class EmbeddedCallVectorStore : ICallVectorStore, IDisposable
{
    private const string LogFileName = "calls.vlog";
    private const string LockFileName = "store.lock";

    private readonly Lock _writeLock = new();
    private readonly string _logPath;
    private readonly int _compactAfter;
    private readonly Dictionary<string, Guid> _taskByKey = new(StringComparer.Ordinal);
    private FlatVectorIndex? _index;
    private readonly FileStream _ownership;
    private FileStream? _log;
    private int _recordsSinceCompaction;

    public EmbeddedCallVectorStore(IOptions<VectorStoreOptions> options, IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.Path);
        Directory.CreateDirectory(folder);
        _ownership = TakeOwnership(folder);
        _logPath = Path.Combine(folder, LogFileName);
        _compactAfter = options.Value.CompactAfterRecords;
        Load();
    }

    /// <summary>
    /// The index lives in one process: a second writer on the same folder would corrupt the log and never see the
    /// first one's vectors. An exclusive lock (flock on Linux) held for the store's life refuses it at start.
    /// </summary>
    private static FileStream TakeOwnership(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The embedded vector store at {folder} is in use by another process. It serves one replica of task discovery; " +
                "more replicas need a shared store (VectorStore:Provider = qdrant).", e);
        }
    }

    public Task UpsertAsync(string tenantId, IReadOnlyList<CallVector> vectors, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            foreach (var vector in vectors)
            {
                VectorLogRecord.Write(_log!, tenantId, vector);
                Apply(tenantId, vector);
            }

            _log!.Flush();
            _recordsSinceCompaction += vectors.Count;
            if (_recordsSinceCompaction >= _compactAfter)
            {
                Compact();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CallVector>> GetAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        var found = new List<CallVector>(callIds.Count);
        if (_index is not { } index)
        {
            return Task.FromResult<IReadOnlyList<CallVector>>(found);
        }

        foreach (var callId in callIds)
        {
            var key = Key(tenantId, callId);
            var vector = new float[index.Dimensions];
            Guid taskId;
            lock (_writeLock)
            {
                if (!_taskByKey.TryGetValue(key, out taskId))
                {
                    continue;
                }
            }

            if (index.TryCopy(key, vector))
            {
                found.Add(new CallVector(callId, taskId, vector));
            }
        }

        return Task.FromResult<IReadOnlyList<CallVector>>(found);
    }

    /// <summary>
    /// Removes the vectors and rewrites the log at once without them: an erased vector must leave the disk too, not
    /// wait in the log for the next compaction.
    /// </summary>
    public Task<long> DeleteAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        long deleted = 0;
        lock (_writeLock)
        {
            foreach (var callId in callIds)
            {
                var key = Key(tenantId, callId);
                if (_taskByKey.Remove(key))
                {
                    _index?.Delete(key);
                    deleted++;
                }
            }

            if (deleted > 0)
            {
                Compact();
            }
        }

        return Task.FromResult(deleted);
    }

    public Task<IReadOnlyList<CallSimilarity>> SearchAsync(string tenantId, ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<CallSimilarity> hits = _index is { } index
            ? [.. index.Search(query.Span, limit, tenantId).Select(h => new CallSimilarity(h.Id[(tenantId.Length + 1)..], h.Score))]
            : [];
        return Task.FromResult(hits);
    }

    public void Dispose()
    {
        _log?.Dispose();
        _index?.Dispose();
        _ownership.Dispose();
    }

    private static string Key(string tenantId, string callId) => $"{tenantId}\u001f{callId}";

    private void Apply(string tenantId, CallVector vector)
    {
        _index ??= new FlatVectorIndex(vector.Vector.Length);
        var key = Key(tenantId, vector.CallId);
        _index.Upsert(key, tenantId, vector.Vector);
        _taskByKey[key] = vector.TaskId;
    }

    private void Load()
    {
        var validLength = 0L;
        if (File.Exists(_logPath))
        {
            using var reader = File.OpenRead(_logPath);
            while (VectorLogRecord.TryRead(reader, out var tenantId, out var vector))
            {
                Apply(tenantId, vector);
                validLength = reader.Position;
                _recordsSinceCompaction++;
            }
        }

        // A torn record at the end (the process died mid-write) was never acknowledged: cut it off.
        _log = new FileStream(_logPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        _log.SetLength(validLength);
        _log.Seek(validLength, SeekOrigin.Begin);
    }

    /// <summary>Rewrites the log with one record per call, then swaps it in atomically.</summary>
    private void Compact()
    {
        var temporary = _logPath + ".compact";
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            var vector = new float[_index!.Dimensions];
            foreach (var (key, taskId) in _taskByKey)
            {
                var separator = key.IndexOf('\u001f', StringComparison.Ordinal);
                _index.TryCopy(key, vector);
                VectorLogRecord.Write(output, key[..separator], new CallVector(key[(separator + 1)..], taskId, vector));
            }

            output.Flush(flushToDisk: true);
        }

        _log!.Dispose();
        File.Move(temporary, _logPath, overwrite: true);
        _log = new FileStream(_logPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        _recordsSinceCompaction = 0;
    }
}
