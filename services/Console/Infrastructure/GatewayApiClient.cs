namespace SlmPlatform.Console.Infrastructure;

/// <summary>The gateway, for the tenant's admins: its API keys (list, issue, rotate, revoke) and where its calls are relayed.</summary>
public sealed class GatewayApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "gateway")
{
    public const string ServiceName = "gateway";

    public async Task<IReadOnlyList<IssuedKeyInfo>> ListAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<IssuedKeyInfo>>("api/keys", cancellationToken);

    /// <summary>A new key; the answer is the only place its secret ever appears.</summary>
    public Task<IssuedKey> IssueAsync(KeyRequest request, CancellationToken cancellationToken) =>
        PostAsync<KeyRequest, IssuedKey>("api/keys", request, cancellationToken);

    /// <summary>The key's successor; the old key keeps working for <paramref name="overlapSeconds"/>.</summary>
    public Task<IssuedKey> RotateAsync(Guid keyId, int overlapSeconds, CancellationToken cancellationToken) =>
        PostAsync<RotationRequest, IssuedKey>($"api/keys/{keyId}/rotate", new RotationRequest(overlapSeconds), cancellationToken);

    public Task RevokeAsync(Guid keyId, CancellationToken cancellationToken) => DeleteAsync($"api/keys/{keyId}", cancellationToken);

    /// <summary>The LLM provider the tenant's calls go to, and the setting that chose it.</summary>
    public Task<UpstreamInfo> UpstreamAsync(CancellationToken cancellationToken) => GetAsync<UpstreamInfo>("api/upstream", cancellationToken);
}
