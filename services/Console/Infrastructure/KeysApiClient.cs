namespace SlmPlatform.Console.Infrastructure;

/// <summary>The tenant's API keys on the gateway (admin scope): list, issue, rotate, revoke.</summary>
public sealed class KeysApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "gateway")
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
}
