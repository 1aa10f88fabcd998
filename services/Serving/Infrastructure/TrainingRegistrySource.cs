using System.Net;
using Microsoft.Extensions.Options;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>
/// Specialists as the training service's registry lists them (read with the platform's service key, acting for the
/// tenant), and their artifacts from the artifact store folder the two services share.
/// </summary>
public sealed class TrainingRegistrySource(HttpClient http, IOptions<ServingOptions> options, IConfiguration configuration, IHostEnvironment environment) : ISpecialistSource
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ArtifactsPath));

    public async Task<IReadOnlyList<SpecialistDescriptor>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/api/models", tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var models = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return [.. models.EnumerateArray().Select(m => Describe(m, tenantId)).OfType<SpecialistDescriptor>()];
    }

    public async Task<SpecialistDescriptor?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"/api/models/{modelId}", tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return Describe(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), tenantId);
    }

    public Task<Stream?> OpenArtifactAsync(string artifactKey, CancellationToken cancellationToken)
    {
        var path = ArtifactKeys.Resolve(_root, artifactKey);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    /// <summary>A registry entry with one loadable artifact (the first of its artifacts); null when it has none.</summary>
    private static SpecialistDescriptor? Describe(JsonElement model, string tenantId)
    {
        if (!model.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var artifact = artifacts.EnumerateObject().Select(p => p.Value).FirstOrDefault(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("key", out _));
        return artifact.ValueKind != JsonValueKind.Object ? null : new SpecialistDescriptor(
            model.GetProperty("id").GetGuid(),
            tenantId,
            model.GetProperty("task_id").GetGuid(),
            model.GetProperty("kind").GetString()!,
            artifact.GetProperty("key").GetString()!,
            artifact.TryGetProperty("format", out var format) ? format.GetString() ?? string.Empty : string.Empty,
            model.GetProperty("created_at").GetDateTimeOffset(),
            model.TryGetProperty("base_model", out var baseModel) && baseModel.ValueKind == JsonValueKind.String ? baseModel.GetString() : null);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string tenantId)
    {
        var request = new HttpRequestMessage(method, path);
        ServiceCredential.ActFor(request, configuration[ServiceCredential.ConfigurationKey], tenantId);
        return request;
    }
}
