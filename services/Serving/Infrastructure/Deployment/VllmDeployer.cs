using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// Loads the specialist's LoRA adapter into a vLLM server started with <c>--enable-lora</c> (and
/// <c>VLLM_ALLOW_RUNTIME_LORA_UPDATING=True</c>): <c>POST /v1/load_lora_adapter</c> with <c>lora_name</c> =
/// <c>slm-{id}</c> and <c>lora_path</c> = the adapter folder as vLLM mounts the artifact store; then
/// <c>GET /v1/models</c> confirms it is listed. vLLM answers a repeat with 400 "already been loaded", which is success.
/// The adapter must have been trained on the base model that server serves; vLLM refuses it otherwise.
/// </summary>
public sealed partial class VllmDeployer(
    IHttpClientFactory clients, DeploymentArtifacts artifacts, IOptions<DeployOptions> options, ILogger<VllmDeployer> logger) : ISpecialistDeployer
{
    public const string ClientName = "deploy-vllm";

    public string Target => DeployTargets.Vllm;

    public string Endpoint => options.Value.Vllm.Url?.ToString() ?? string.Empty;

    public async Task<DeploymentResult> DeployAsync(DeploymentSpec spec, CancellationToken cancellationToken)
    {
        var url = options.Value.Vllm.Url ?? throw TargetErrors.NotConfigured(Target, "Serving:Deploy:Vllm:Url");
        var artifact = artifacts.Find(spec.ArtifactLocation);
        if (artifact.Form != ArtifactForm.LoraAdapter)
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"Model {spec.ModelId} is not a LoRA adapter; vLLM loads only adapters at run time.");
        }

        using var http = Client(url);
        try
        {
            var path = artifacts.MapTo(options.Value.Vllm.ArtifactsPath, artifact.Path);
            using (var response = await http.PostAsJsonAsync("v1/load_lora_adapter", new { lora_name = spec.ServedName, lora_path = path }, cancellationToken))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.BadRequest && IsAlreadyLoaded(body))
                {
                    LogAlreadyLoaded(spec.ModelId, spec.ServedName);
                }
                else if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"load_lora_adapter answered {(int)response.StatusCode}: {Message(body)}", null, response.StatusCode);
                }
            }

            var models = await http.GetFromJsonAsync<JsonElement>("v1/models", cancellationToken);
            if (!models.GetProperty("data").EnumerateArray().Any(m => m.GetProperty("id").GetString() == spec.ServedName))
            {
                throw new DeploymentException(DeploymentFailure.Rejected, $"vLLM at {url} accepted adapter {spec.ServedName} but does not list it.");
            }

            LogLoaded(spec.ModelId, spec.ServedName);
            return new DeploymentResult(spec.ServedName, url.ToString());
        }
        catch (Exception e) when (TargetErrors.Classify(e, "vLLM", url, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task UndeployAsync(DeploymentSpec spec, CancellationToken cancellationToken)
    {
        var url = options.Value.Vllm.Url ?? throw TargetErrors.NotConfigured(Target, "Serving:Deploy:Vllm:Url");
        using var http = Client(url);
        try
        {
            using var response = await http.PostAsJsonAsync("v1/unload_lora_adapter", new { lora_name = spec.ServedName }, cancellationToken);
            // vLLM answers 400 or 404 for an adapter it does not hold: already gone is what was asked.
            if (!response.IsSuccessStatusCode && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound))
            {
                throw new HttpRequestException($"unload_lora_adapter answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
        catch (Exception e) when (TargetErrors.Classify(e, "vLLM", url, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>vLLM's words: "The lora adapter '…' has already been loaded."</summary>
    private static bool IsAlreadyLoaded(string body)
    {
        var message = Message(body);
        return message.Contains("already", StringComparison.OrdinalIgnoreCase) && message.Contains("loaded", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The message of vLLM's error object (top level, or under <c>error</c> in newer versions), else the body.</summary>
    private static string Message(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var error = root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            return error.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private HttpClient Client(Uri url)
    {
        var http = clients.CreateClient(ClientName);
        http.BaseAddress = url;
        http.Timeout = options.Value.Vllm.Timeout;
        if (options.Value.Vllm.ApiKey is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded adapter of model {ModelId} into vLLM as {ServedName}")]
    private partial void LogLoaded(Guid modelId, string servedName);

    [LoggerMessage(Level = LogLevel.Information, Message = "vLLM already holds adapter {ServedName} of model {ModelId}")]
    private partial void LogAlreadyLoaded(Guid modelId, string servedName);
}
