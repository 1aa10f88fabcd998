using System.Security.Claims;

namespace SlmPlatform.ApiKeys;

/// <summary>The tenant an authenticated request acts for.</summary>
public static class TenantClaims
{
    public const string TenantId = "slm:tenant";

    /// <summary>The id of the key the request came with (not the key itself).</summary>
    public const string KeyId = "slm:key-id";

    /// <summary>The tenant's own daily quota of captured calls, where it has one (<see cref="DailyCallQuota"/>).</summary>
    public const string CallsPerDay = "slm:calls-per-day";

    /// <summary>Present when a platform service, not a tenant's own key, made the request.</summary>
    public const string Service = "slm:service";

    public static string GetTenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The request is not authenticated with an API key.");
}
