
namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>Where specialists are deployed (<c>Serving:Deploy</c>), and how hard to try.</summary>
public sealed class DeployOptions
{
    public const string SectionName = "Serving:Deploy";

    /// <summary>The target when a request names none: <c>embedded</c>, <c>ollama</c> or <c>vllm</c>.</summary>
    public string Target { get; set; } = DeployTargets.Embedded;

    /// <summary>This service's URL as clients reach it, reported for embedded deployments.</summary>
    public Uri EmbeddedUrl { get; set; } = new("http://serving");

    /// <summary>Attempts per deployment when the target cannot be reached (connection refused, timeout, 5xx).</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each attempt after that.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a chat request forwarded to Ollama or vLLM may take, streamed answers included. Callers keep their own,
    /// shorter limits (the gateway's is 10 s); this one only stops a stuck target from holding a request forever.
    /// </summary>
    public TimeSpan ChatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public OllamaTargetOptions Ollama { get; set; } = new();

    public VllmTargetOptions Vllm { get; set; } = new();
}

public sealed class OllamaTargetOptions
{
    /// <summary>The Ollama server's base URL (its REST API at the root); null when there is none.</summary>
    public Uri? Url { get; set; }

    /// <summary>Uploading a GGUF of a few GB and creating the model takes minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}

public sealed class VllmTargetOptions
{
    /// <summary>The vLLM server's base URL (the OpenAI-compatible API under <c>/v1</c>); null when there is none.</summary>
    public Uri? Url { get; set; }

    /// <summary>vLLM's <c>--api-key</c>, when it was started with one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The artifact store's root as the vLLM server mounts it, when not at the same path as here: vLLM reads the
    /// adapter folder itself (<c>lora_path</c>), so the path must be valid on its machine.
    /// </summary>
    public string? ArtifactsPath { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
