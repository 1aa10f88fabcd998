using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.Model;

/// <summary>What makes a <see cref="KeyRequest"/> one the gateway issues: each problem under the field it names.</summary>
public static class KeyRequestValidation
{
    public static Dictionary<string, string[]> Problems(this KeyRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > KeyRequest.MaxNameLength)
        {
            errors["name"] = [$"Give the key a name of 1 to {KeyRequest.MaxNameLength} characters, e.g. 'support-agent production'."];
        }

        if (request.Scopes is not { Count: > 0 } scopes || scopes.Any(s => !ApiScopes.All.Contains(s, StringComparer.Ordinal)))
        {
            errors["scopes"] = [$"One or more of {string.Join(", ", ApiScopes.All)}: an agent needs only '{ApiScopes.Capture}'."];
        }

        if (request.ExpiresAt is { } expiry && expiry <= now)
        {
            errors["expires_at"] = ["Must be in the future (or left out: the key never expires)."];
        }

        return errors;
    }
}
