using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlmPlatform.ApiKeys;

/// <summary>Registers API-key authentication against the platform database.</summary>
public static class ApiKeyExtensions
{
    /// <summary>
    /// Adds the <c>platformdb</c> data source (keyed), the key store and the <c>ApiKey</c> scheme as the default
    /// scheme, with an authorization policy that requires an authenticated tenant.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddKeyedNpgsqlDataSource(ApiKeyStore.DatabaseName);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton(new ServiceCredential(builder.Configuration[ServiceCredential.ConfigurationKey]));
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(TenantClaims.TenantId)
                .Build());
        return builder;
    }
}
