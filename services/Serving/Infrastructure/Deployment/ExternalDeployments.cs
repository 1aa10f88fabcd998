namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// The specialists deployed to Ollama or vLLM, keyed by tenant and model id, so that chat requests for them are
/// forwarded there. Kept in a small JSON file at the root of the artifact store folder, not in a platformdb table:
/// serving owns no schema or migrations there, and the store folder is the volume that already outlives a restart (and
/// that every replica shares). The file is written whole to a temporary file and renamed over the old one, so a crash
/// leaves the previous version, never half a file; it is read again whenever it changed, so another replica's
/// deployments are seen too.
/// </summary>
public sealed class ExternalDeployments(DeploymentArtifacts artifacts)
{
    // A dot-name: tenant folders in the store never start with one.
    public const string FileName = ".serving-deployments.json";
    private const long CheckEveryMilliseconds = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private readonly Lock _gate = new();
    private Dictionary<string, ExternalDeployment> _deployments = [];
    private DateTime _readAt = DateTime.MinValue;
    private long _checkedAt = long.MinValue / 2;

    public string Path { get; } = System.IO.Path.Combine(artifacts.Root, FileName);

    public ExternalDeployment? Find(string tenantId, Guid modelId)
    {
        lock (_gate)
        {
            return Current().GetValueOrDefault(Key(tenantId, modelId));
        }
    }

    public IReadOnlyList<ExternalDeployment> ListOf(string tenantId)
    {
        lock (_gate)
        {
            return [.. Current(fresh: true).Values.Where(d => d.TenantId == tenantId)];
        }
    }

    public void Remember(ExternalDeployment deployment)
    {
        lock (_gate)
        {
            Save(new Dictionary<string, ExternalDeployment>(Current(fresh: true)) { [Key(deployment.TenantId, deployment.ModelId)] = deployment });
        }
    }

    /// <summary>Stops forwarding the model (deployed to serving itself since, say); nothing to do when it was not forwarded.</summary>
    public void Forget(string tenantId, Guid modelId)
    {
        lock (_gate)
        {
            var deployments = new Dictionary<string, ExternalDeployment>(Current(fresh: true));
            if (deployments.Remove(Key(tenantId, modelId)))
            {
                Save(deployments);
            }
        }
    }

    private static string Key(string tenantId, Guid modelId) => $"{tenantId}/{modelId:N}";

    /// <summary>The file's contents, read again only when it changed. The file is looked at no more than once a
    /// second for a lookup (every chat request asks; another replica's deployment may take that long to be seen), and
    /// always before a change, so that a change never writes over another replica's.</summary>
    private Dictionary<string, ExternalDeployment> Current(bool fresh = false)
    {
        var now = Environment.TickCount64;
        if (!fresh && now - _checkedAt < CheckEveryMilliseconds)
        {
            return _deployments;
        }

        _checkedAt = now;
        var written = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : DateTime.MinValue;
        if (written != _readAt)
        {
            try
            {
                _deployments = written == DateTime.MinValue
                    ? []
                    : JsonSerializer.Deserialize<Dictionary<string, ExternalDeployment>>(File.ReadAllBytes(Path), Json) ?? [];
            }
            catch (JsonException)
            {
                // A file damaged by hand must not take every chat request down: the deployments last read stay, and
                // the next deployment writes the file whole again.
            }

            _readAt = written;
        }

        return _deployments;
    }

    private void Save(Dictionary<string, ExternalDeployment> deployments)
    {
        Directory.CreateDirectory(artifacts.Root);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(deployments, Json));
        File.Move(temporary, Path, overwrite: true);
        _deployments = deployments;
        _readAt = File.GetLastWriteTimeUtc(Path);
    }
}
