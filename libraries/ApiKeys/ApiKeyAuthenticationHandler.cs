using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c>; the key decides the tenant. A refused request gets a
/// problem-details 401 that says why (missing, malformed, or unknown key) and never echoes the key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore store,
    ServiceCredential serviceCredential,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureReasonItem = "slm-auth-failure";
    private const string UnavailableItem = "slm-auth-unavailable";
    private const int RetryAfterSeconds = 5;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            // No credentials is no attempt, not a failed one: anonymous endpoints (health probes every few seconds) log
            // nothing, and an endpoint that needs a key still answers 401 with this reason.
            Context.Items[FailureReasonItem] = "The Authorization header is missing: send 'Authorization: Bearer <api key>'.";
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <api key>'.");
        }

        var key = header["Bearer ".Length..].Trim();
        if (serviceCredential.CallerOf(key) is { } caller)
        {
            return AuthenticateService(caller);
        }

        ApiKeyGrant? grant;
        try
        {
            grant = await store.FindAsync(key, Context.RequestAborted);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Not a wrong key: one that cannot be checked. The caller is told to come back, not that its key is bad.
            Context.Items[UnavailableItem] = true;
            return Fail("API keys cannot be checked right now (the platform database is away); try again in a few seconds.");
        }

        if (grant is null)
        {
            return Fail("The API key is unknown, revoked or expired.");
        }

        Claim[] claims =
        [
            new(TenantClaims.TenantId, grant.TenantId), new(TenantClaims.KeyId, grant.KeyId.ToString()), .. grant.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)),
            .. grant.CallsPerDay is { } quota ? [new Claim(TenantClaims.CallsPerDay, quota.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<Claim>(),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var unavailable = Context.Items.ContainsKey(UnavailableItem);
        Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized;
        if (unavailable)
        {
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = Response.StatusCode,
                Title = unavailable ? "Service Unavailable" : "Unauthorized",
                Detail = Context.Items[FailureReasonItem] as string ?? "An API key is required.",
            },
        });
    }

    /// <summary>
    /// A platform service acts for the tenant it names, for work that tenant started (a fine-tune job): it reads and
    /// asks for answers, and may change nothing a tenant's admin would (keys, erasures, promotions).
    /// </summary>
    private AuthenticateResult AuthenticateService(string caller)
    {
        string? tenant = Request.Headers[ServiceCredential.TenantHeader];
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return Fail($"A service request must name its tenant in the {ServiceCredential.TenantHeader} header.");
        }

        Claim[] claims = [new(TenantClaims.TenantId, tenant), new(TenantClaims.Service, caller), .. ApiScopes.Service.Select(s => new Claim(ApiScopes.ClaimType, s))];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureReasonItem] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
