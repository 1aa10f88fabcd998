namespace SlmPlatform.Contracts;

/// <summary>
/// The outcome of a <see cref="ModelDeployRequested"/> (or of an operator's <c>POST /api/deployments</c> on serving).
/// <see cref="Target"/> is <c>embedded</c>, <c>ollama</c> or <c>vllm</c>; clients ask <see cref="Endpoint"/> (the
/// server's base URL: Ollama's API at its root, the OpenAI-compatible API under <c>/v1</c>) for model
/// <see cref="ServedName"/>. When <see cref="Succeeded"/> is false, <see cref="Error"/> says why and nothing may be
/// routed to it. <see cref="EventId"/> (<see cref="IdFor"/>) derives from the request and the outcome, so a success
/// after a failed attempt is not dropped as a duplicate of the failure. <see cref="TaskId"/> is the task of the request
/// that asked (a promotion waits for it); null for an operator's deployment.
/// </summary>
public sealed record ModelDeployed(
    Guid EventId,
    string TenantId,
    Guid ModelId,
    string Target,
    string ServedName,
    string Endpoint,
    bool Succeeded,
    string? Error = null,
    Guid? TaskId = null)
{
    /// <summary>The event id of the outcome of request <paramref name="requestId"/>.</summary>
    public static Guid IdFor(Guid requestId, bool succeeded) =>
        DeterministicId.Create("model-deployed", requestId.ToString(), succeeded ? "succeeded" : "failed");
}

/// <summary>The places a specialist can be deployed to.</summary>
public static class DeployTargets
{
    /// <summary>Serving's own runtimes: nothing to push; the model is loaded on its first request.</summary>
    public const string Embedded = "embedded";

    /// <summary>An Ollama server: the model is created there (<c>/api/create</c> with FROM + ADAPTER, or a GGUF).</summary>
    public const string Ollama = "ollama";

    /// <summary>A vLLM server started with <c>--enable-lora</c>: the adapter is loaded at run time.</summary>
    public const string Vllm = "vllm";

    public static readonly IReadOnlyList<string> All = [Embedded, Ollama, Vllm];
}
