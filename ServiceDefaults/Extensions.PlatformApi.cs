using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;
using SlmPlatform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static partial class Extensions
{
    /// <summary>What every service's REST API shares: problem details for errors, an OpenAPI document, and rate limiting
    /// for the endpoints that ask for a policy (the tenants' own is in the ApiKeys library).</summary>
    public static TBuilder AddPlatformApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // The framework's own words for a body or parameter it could not read ("Failed to read parameter
            // "KeyRequest request" from the request body as JSON."): they name what was wrong, and hold no value.
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Detail = bad.Message;
            }
        });
        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer(RequestExamples.AddExampleAsync));
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
        // A body that is not JSON, too deep or of the wrong type is the caller's error (400, 413, 415), whichever the
        // environment: in Development minimal APIs throw it, and the handler would otherwise answer 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
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
