using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        if (serviceCredential.Matches(key))
        {
            return AuthenticateService();
        }

        var tenant = await store.FindTenantAsync(key, Context.RequestAborted);
        if (tenant is null)
        {
            return Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity([new Claim(TenantClaims.TenantId, tenant)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = Context.Items[FailureReasonItem] as string ?? "An API key is required.",
            },
        });
    }

    /// <summary>A platform service acts for the tenant it names, for work that tenant started (a fine-tune job).</summary>
    private AuthenticateResult AuthenticateService()
    {
        string? tenant = Request.Headers[ServiceCredential.TenantHeader];
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return Fail($"A service request must name its tenant in the {ServiceCredential.TenantHeader} header.");
        }

        var identity = new ClaimsIdentity([new Claim(TenantClaims.TenantId, tenant), new Claim(TenantClaims.Service, "true")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureReasonItem] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
