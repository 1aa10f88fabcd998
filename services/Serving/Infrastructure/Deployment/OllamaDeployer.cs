using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models;
using SlmPlatform.Specialists.Catalog;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// Creates the specialist as a model on an Ollama server through OllamaSharp: the files are pushed as blobs (so the
/// server needs no access to the artifact store), then <c>/api/create</c> builds <c>slm-{id}</c> — the equivalent of a
/// Modelfile <c>FROM &lt;base tag&gt;</c> + <c>ADAPTER &lt;folder&gt;</c> for a LoRA adapter, or <c>FROM &lt;file.gguf&gt;</c>
/// for a GGUF — and <c>/api/show</c> confirms it is there. Creating a model that exists replaces it, so a repeat is harmless.
/// </summary>
public sealed partial class OllamaDeployer(
    IHttpClientFactory clients, DeploymentArtifacts artifacts, ModelCatalog catalog, IOptions<DeployOptions> options, ILogger<OllamaDeployer> logger) : ISpecialistDeployer
{
    public const string ClientName = "deploy-ollama";

    public string Target => DeployTargets.Ollama;

    public string Endpoint => options.Value.Ollama.Url?.ToString() ?? string.Empty;

    public async Task<DeploymentResult> DeployAsync(DeploymentSpec spec, CancellationToken cancellationToken)
    {
        var url = options.Value.Ollama.Url ?? throw TargetErrors.NotConfigured(Target, "Serving:Deploy:Ollama:Url");
        var artifact = artifacts.Find(spec.ArtifactLocation);
        using var http = Client(url);
        using var ollama = new OllamaApiClient(http);
        try
        {
            var request = new CreateModelRequest { Model = spec.ServedName, Stream = true };
            switch (artifact.Form)
            {
                case ArtifactForm.LoraAdapter:
                    request.From = BaseTag(spec);
                    request.Adapters = await PushAsync(ollama, http, artifact.Files, cancellationToken);
                    break;
                case ArtifactForm.Gguf:
                    request.Files = await PushAsync(ollama, http, artifact.Files, cancellationToken);
                    break;
                default:
                    throw new DeploymentException(DeploymentFailure.Invalid, $"Model {spec.ModelId} is a '{spec.Kind}', which only serving runs (target embedded).");
            }

            string? status = null;
            await foreach (var progress in ollama.CreateModelAsync(request, cancellationToken))
            {
                status = progress?.Status ?? status;
            }

            if (status != "success")
            {
                throw new DeploymentException(DeploymentFailure.Rejected, $"Ollama at {url} did not finish creating {spec.ServedName} (last status: {status ?? "none"}).");
            }

            var shown = await ollama.ShowModelAsync(spec.ServedName, cancellationToken);
            LogCreated(spec.ModelId, spec.ServedName, shown.Details?.Format);
            return new DeploymentResult(spec.ServedName, url.ToString());
        }
        catch (Exception e) when (TargetErrors.Classify(e, "Ollama", url, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task UndeployAsync(DeploymentSpec spec, CancellationToken cancellationToken)
    {
        var url = options.Value.Ollama.Url ?? throw TargetErrors.NotConfigured(Target, "Serving:Deploy:Ollama:Url");
        using var http = Client(url);
        using var ollama = new OllamaApiClient(http);
        try
        {
            if ((await ollama.ListLocalModelsAsync(cancellationToken)).Any(m => m.Name.Split(':')[0] == spec.ServedName))
            {
                await ollama.DeleteModelAsync(new DeleteModelRequest { Model = spec.ServedName }, cancellationToken);
            }
        }
        catch (Exception e) when (TargetErrors.Classify(e, "Ollama", url, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The base's Ollama tag: the catalog's for a catalog or Hugging Face id, else the name as given.</summary>
    private string BaseTag(DeploymentSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.BaseModel))
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"Model {spec.ModelId} is a LoRA adapter without a base model to apply it to.");
        }

        return catalog.Models.FirstOrDefault(m => m.Id == spec.BaseModel || m.HuggingFaceId == spec.BaseModel)?.OllamaTag ?? spec.BaseModel;
    }

    /// <summary>
    /// Uploads each file the server lacks, streamed: OllamaSharp's <c>PushBlobAsync</c> takes the whole file as one
    /// array, which a GGUF of several GB does not fit. Returns file name → digest, as <c>/api/create</c> takes them.
    /// </summary>
    private static async Task<Dictionary<string, string>> PushAsync(OllamaApiClient ollama, HttpClient http, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string digest;
            await using (var read = File.OpenRead(file))
            {
                digest = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
            }

            if (!await ollama.IsBlobExistsAsync(digest, cancellationToken))
            {
                await using var upload = File.OpenRead(file);
                using var content = new StreamContent(upload);
                using var response = await http.PostAsync(new Uri($"api/blobs/{digest}", UriKind.Relative), content, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            digests[Path.GetFileName(file)] = digest;
        }

        return digests;
    }

    private HttpClient Client(Uri url)
    {
        var http = clients.CreateClient(ClientName);
        http.BaseAddress = url;
        http.Timeout = options.Value.Ollama.Timeout;
        return http;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created model {ModelId} on Ollama as {ServedName} (format {Format})")]
    private partial void LogCreated(Guid modelId, string servedName, string? format);
}
