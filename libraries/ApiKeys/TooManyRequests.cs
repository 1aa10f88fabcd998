using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.ApiKeys;

/// <summary>The answer a tenant gets when a limit refuses it: a problem-details 429 with <c>Retry-After</c>.</summary>
public static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, int retryAfterSeconds, string detail)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too Many Requests", Detail = detail },
        }).AsTask();
    }
}
