using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.Model;

/// <summary>A key to issue: a <c>name</c> to tell it apart, its <c>scopes</c>, and when it stops (<c>expires_at</c>; none: never).</summary>
public sealed record KeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt)
{
    public const int MaxNameLength = 100;

    public Dictionary<string, string[]> Problems(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"Give the key a name of 1 to {MaxNameLength} characters, e.g. 'support-agent production'."];
        }

        if (Scopes is not { Count: > 0 } || Scopes.Any(s => !ApiScopes.All.Contains(s, StringComparer.Ordinal)))
        {
            errors["scopes"] = [$"One or more of {string.Join(", ", ApiScopes.All)}: an agent needs only '{ApiScopes.Capture}'."];
        }

        if (ExpiresAt is { } expiry && expiry <= now)
        {
            errors["expires_at"] = ["Must be in the future (or left out: the key never expires)."];
        }

        return errors;
    }
}

/// <summary>How long the rotated key keeps working beside its successor.</summary>
public sealed record RotationRequest(int? OverlapSeconds)
{
    public const int DefaultOverlapSeconds = 3600;
    public const int MaxOverlapSeconds = 30 * 24 * 3600;
}
