using System.Security.Cryptography;
using System.Text;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>
/// Serving's own registry: one small JSON file per specialist under <c>.serving-registry/</c> in the artifact store
/// folder, beside the artifacts it points at. That folder is the volume that outlives a restart and that every replica
/// shares, so each replica sees what one of them recorded. A file is written whole and renamed into place: a reader
/// sees the old entry or the new one, and concurrent writers of the same announcement write the same bytes.
/// </summary>
public sealed class SpecialistRegistry(string artifactsRoot) : ISpecialistSource
{
    // A dot-name: tenant folders in the store never start with one, so no artifact key can reach the registry.
    public const string FolderName = ".serving-registry";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly string _folder = Path.Combine(artifactsRoot, FolderName);

    public async Task<IReadOnlyList<SpecialistDescriptor>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var folder = TenantFolder(tenantId);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var specialists = new List<SpecialistDescriptor>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (await ReadAsync(file, cancellationToken) is { } specialist && specialist.TenantId == tenantId)
            {
                specialists.Add(specialist);
            }
        }

        return [.. specialists.OrderByDescending(s => s.CreatedAt)];
    }

    public async Task<SpecialistDescriptor?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken) =>
        await ReadAsync(EntryPath(tenantId, modelId), cancellationToken) is { } specialist && specialist.TenantId == tenantId ? specialist : null;

    public async Task RememberAsync(SpecialistDescriptor specialist, CancellationToken cancellationToken)
    {
        ArtifactKeys.Resolve(artifactsRoot, specialist.ArtifactKey);
        var path = EntryPath(specialist.TenantId, specialist.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(specialist, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Forgets every specialist of the tenant (an erasure of the whole tenant); how many it knew.</summary>
    public Task<int> ForgetTenantAsync(string tenantId)
    {
        var folder = new DirectoryInfo(TenantFolder(tenantId));
        if (!folder.Exists)
        {
            return Task.FromResult(0);
        }

        var entries = folder.EnumerateFiles("*.json").Count();
        folder.Delete(recursive: true);
        return Task.FromResult(entries);
    }

    public Task<Stream?> OpenArtifactAsync(string artifactKey, CancellationToken cancellationToken)
    {
        var path = ArtifactKeys.Resolve(artifactsRoot, artifactKey);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private static async Task<SpecialistDescriptor?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<SpecialistDescriptor>(file, Json, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string EntryPath(string tenantId, Guid modelId) => Path.Combine(TenantFolder(tenantId), $"{modelId:N}.json");

    // Tenant ids are free text; a hash makes each a safe folder name of fixed length.
    private string TenantFolder(string tenantId) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId)))[..32]);
}
