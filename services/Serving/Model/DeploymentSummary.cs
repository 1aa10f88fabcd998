namespace SlmPlatform.Serving.Model;

/// <summary>
/// One of the tenant's specialists and where it answers: <see cref="Target"/> <c>ollama</c> or <c>vllm</c> when its chat
/// requests are forwarded there (<see cref="DeployedAt"/> says since when), <c>embedded</c> when serving runs it itself
/// (loaded on its first request), null when nothing can answer for it yet (an adapter not deployed anywhere).
/// <see cref="LoadedHere"/> is about the replica that answered the list.
/// </summary>
public sealed record DeploymentSummary(
    Guid ModelId, Guid TaskId, string Kind, string? Target, string? Endpoint, string ServedName, DateTimeOffset CreatedAt, DateTimeOffset? DeployedAt, bool LoadedHere);

/// <summary>A page of deployments, newest model first; <see cref="Next"/> is the 'after' of the next page, null on the last.</summary>
public sealed record DeploymentPage(IReadOnlyList<DeploymentSummary> Items, string? Next);
