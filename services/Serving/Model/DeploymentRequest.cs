namespace SlmPlatform.Serving.Model;

/// <summary>An operator's <c>POST /api/deployments</c>: a registry model id and, optionally, the target.</summary>
public sealed record DeploymentRequest(string? ModelId, string? Target);
