namespace SlmPlatform.Contracts;

/// <summary>
/// Command-like event to the serving service: make specialist <see cref="ModelId"/> answerable on a target —
/// <c>embedded</c> (serving's own runtimes), <c>ollama</c> or <c>vllm</c>; <see cref="Target"/> null means the target
/// serving is configured with. <see cref="BaseModel"/> is the catalog id, Hugging Face id or Ollama tag the adapter was
/// trained on (empty for a GGUF or a classifier head); <see cref="ArtifactLocation"/> is the artifact's key in the
/// shared artifact store (or an absolute path on it): a LoRA adapter's folder or a GGUF file. Deploying is idempotent,
/// so <see cref="EventId"/> (<see cref="IdFor"/>) is the same for the same model and target, and a repeat deploys again.
/// Serving answers every request with one <see cref="ModelDeployed"/>.
/// </summary>
public sealed record ModelDeployRequested(
    Guid EventId,
    string TenantId,
    Guid ModelId,
    Guid TaskId,
    string Kind,
    string BaseModel,
    string ArtifactLocation,
    string? Target = null)
{
    /// <summary>The event id for deploying one model of one tenant to one target (null: the configured default).</summary>
    public static Guid IdFor(string tenantId, Guid modelId, string? target) =>
        DeterministicId.Create("model-deploy-requested", tenantId, modelId.ToString(), target ?? string.Empty);
}
