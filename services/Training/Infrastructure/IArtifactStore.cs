namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Where datasets, checkpoints and trained models are kept, by key (<c>tenant/kind/name</c>). A local folder here;
/// a shared volume or a blob store in the cloud, behind the same interface.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores the bytes under the key, replacing what was there; readers see the old or the new content, never a part.</summary>
    Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored content, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes what is stored under the key (an erasure); false when nothing was.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes everything stored under the folder key (a tenant's, when it is erased); the number of artifacts deleted.</summary>
    Task<long> DeleteFolderAsync(string key, CancellationToken cancellationToken);

    /// <summary>Where the artifact lives, for the registry (a file URI here).</summary>
    string LocationOf(string key);

    /// <summary>
    /// The key as a folder on this machine's file system, for trainers that keep state of their own in a folder (the
    /// generative trainer's checkpoints); null for a store that has none (a blob store would stage a local copy).
    /// </summary>
    string? LocalFolderOf(string key);
}
