namespace SlmPlatform.Contracts;

/// <summary>
/// Command-like event to the serving service: take specialist <see cref="ModelId"/> off <see cref="Target"/> (null:
/// the target serving is configured with), e.g. unload its LoRA adapter from vLLM, once the promotion policy has
/// demoted it and no call is routed to it. A model that is not there is no error, so a repeat changes nothing.
/// The fields are those of the <see cref="ModelDeployRequested"/> that put it there.
/// </summary>
public sealed record ModelUndeployRequested(
    Guid EventId,
    string TenantId,
    Guid ModelId,
    Guid TaskId,
    string Kind,
    string BaseModel,
    string ArtifactLocation,
    string? Target = null)
{
    /// <summary>The event id for undeploying one model of one tenant from one target after decision <paramref name="decisionId"/>.</summary>
    public static Guid IdFor(string tenantId, Guid modelId, string? target, Guid decisionId) =>
        DeterministicId.Create("model-undeploy-requested", tenantId, modelId.ToString(), target ?? string.Empty, decisionId.ToString());
}
