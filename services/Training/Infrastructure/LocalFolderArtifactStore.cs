using Microsoft.Extensions.Options;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Artifacts as files under <see cref="TrainingOptions.ArtifactsPath"/>. Writes go to a temporary file first and are
/// renamed into place, so a worker killed mid-write leaves the previous checkpoint intact.
/// </summary>
public sealed class LocalFolderArtifactStore : IArtifactStore
{
    private readonly string _root;

    public LocalFolderArtifactStore(IOptions<TrainingOptions> options, IHostEnvironment environment)
    {
        _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ArtifactsPath));
        Directory.CreateDirectory(_root);
    }

    public async Task WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var existed = File.Exists(path);
        File.Delete(path);
        return Task.FromResult(existed);
    }

    public Task<long> DeleteFolderAsync(string key, CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(PathOf(key));
        if (!folder.Exists)
        {
            return Task.FromResult(0L);
        }

        // Checkpoints of the generative trainer are folders of their own: count the files, the artifacts' bytes.
        var files = folder.EnumerateFiles("*", SearchOption.AllDirectories).LongCount();
        folder.Delete(recursive: true);
        return Task.FromResult(files);
    }

    public string LocationOf(string key) => new Uri(PathOf(key)).AbsoluteUri;

    public string? LocalFolderOf(string key) => PathOf(key);

    private string PathOf(string key) => ArtifactKeys.Resolve(_root, key);
}
