using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.Apis;

/// <summary>
/// Where the gateway relays the tenant's calls, for its admins: the upstream is the deployment's configuration (its
/// key a secret), so this shows it and the setting to change, never the key.
/// </summary>
public static class UpstreamApi
{
    public static IEndpointRouteBuilder MapUpstreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/upstream", GetUpstream).WithTags("Upstream").RequireAuthorization(ApiScopes.Admin)
            .WithName("GetUpstream").WithSummary("The LLM provider the tenant's calls are relayed to, and the setting that chose it (never its key)");
        return app;
    }

    public static Ok<UpstreamInfo> GetUpstream(ClaimsPrincipal user, IOptionsMonitor<GatewayOptions> options)
    {
        var gateway = options.CurrentValue;
        var tenantId = user.GetTenantId();
        var upstream = gateway.UpstreamFor(tenantId);
        return TypedResults.Ok(new UpstreamInfo(
            upstream.BaseUrl, !string.IsNullOrEmpty(upstream.ApiKey), upstream.ApiKeyHeader, gateway.UpstreamSettingFor(tenantId),
            !ReferenceEquals(upstream, gateway.Upstream)));
    }
}
