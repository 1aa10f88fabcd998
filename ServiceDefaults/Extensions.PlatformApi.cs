using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static partial class Extensions
{
    /// <summary>What every service's REST API shares: problem details for errors, an OpenAPI document, and rate limiting
    /// for the endpoints that ask for a policy (the tenants' own is in the ApiKeys library).</summary>
    public static TBuilder AddPlatformApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    /// <summary>
    /// The request pipeline every service's REST API shares: unhandled errors as problem details, API-key
    /// authentication, rate limits (after it, so they can be per tenant), health endpoints, the OpenAPI document at <c>/openapi/v1.json</c> and its reference UI at
    /// <c>/scalar/v1</c>. <paramref name="problemDetailsForBodilessErrors"/> false leaves error bodies to the API itself
    /// (the gateway answers in OpenAI's error shape, which its clients parse).
    /// </summary>
    public static WebApplication UsePlatformApi(this WebApplication app, bool problemDetailsForBodilessErrors = true)
    {
        app.UseExceptionHandler();
        if (problemDetailsForBodilessErrors)
        {
            app.UseStatusCodePages();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapDefaultEndpoints();
        app.MapOpenApi();
        app.MapScalarApiReference(reference => reference.WithTitle($"{app.Environment.ApplicationName} API"));
        return app;
    }
}
