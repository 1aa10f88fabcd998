using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SlmPlatform.ApiKeys;

/// <summary>Registers API-key authentication against the platform database.</summary>
public static class ApiKeyExtensions
{
    /// <summary>
    /// Adds the <c>platformdb</c> data source (keyed), the key store and the <c>ApiKey</c> scheme as the default
    /// scheme. The default authorization policy requires an authenticated tenant whose key may do what the request
    /// does (read for GET and HEAD, admin otherwise); endpoints that agents call ask for <see cref="ApiScopes.Capture"/>
    /// by name.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddKeyedNpgsqlDataSource(ApiKeyStore.DatabaseName);
        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<IAuthorizationHandler>(ScopeRequirement.ByMethod);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeForbiddenResultHandler>();
        builder.Services.AddSingleton(new ServiceCredential(
            builder.Configuration.GetSection(ServiceCredential.TrustedSection).GetChildren().Select(c => KeyValuePair.Create(c.Key, c.Value))));
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(TenantPolicy().AddRequirements(ScopeRequirement.ByMethod).Build());
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(scope, TenantPolicy().AddRequirements(ScopeRequirement.For(scope)).Build());
        }

        return builder;
    }

    private static AuthorizationPolicyBuilder TenantPolicy() =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireClaim(TenantClaims.TenantId);
}
