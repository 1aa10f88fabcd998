using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// The key must carry one of the scopes the endpoint asks for: <see cref="For"/> a named scope (admin always
/// passes), or, for <see cref="ByMethod"/>, read for GET and HEAD and admin for anything that changes state.
/// </summary>
public sealed class ScopeRequirement : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    private readonly string? _scope;

    private ScopeRequirement(string? scope) => _scope = scope;

    public static ScopeRequirement ByMethod { get; } = new(null);

    public static ScopeRequirement For(string scope) => new(scope);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var needed = requirement._scope ?? (context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            ? ApiScopes.Read
            : ApiScopes.Admin);
        if (context.User.HasClaim(ApiScopes.ClaimType, needed) || context.User.HasClaim(ApiScopes.ClaimType, ApiScopes.Admin))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"This API key lacks the '{needed}' scope that this endpoint needs."));
        }

        return Task.CompletedTask;
    }
}
