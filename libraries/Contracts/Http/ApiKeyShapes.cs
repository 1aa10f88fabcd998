namespace SlmPlatform.Contracts.Http;

/// <summary>A key as its tenant's admins see it (<c>GET /api/keys</c> on the gateway): never the key itself.</summary>
public sealed record IssuedKeyInfo(
    Guid KeyId, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A key just made or rotated: <see cref="Key"/> is its only appearance.</summary>
public sealed record IssuedKey(string Key, IssuedKeyInfo Info);

/// <summary>A key to issue: a <c>name</c> to tell it apart, its <c>scopes</c>, and when it stops (<c>expires_at</c>; none: never).</summary>
public sealed record KeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt)
{
    public const int MaxNameLength = 100;
}

/// <summary>How long the rotated key keeps working beside its successor.</summary>
public sealed record RotationRequest(int? OverlapSeconds)
{
    public const int DefaultOverlapSeconds = 3600;
    public const int MaxOverlapSeconds = 30 * 24 * 3600;
}
