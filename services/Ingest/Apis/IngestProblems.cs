using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Ingest.Apis;

/// <summary>The refusals every ingest endpoint shares.</summary>
internal static class IngestProblems
{
    public static ProblemHttpResult UnsupportedMediaType(string expected) => TypedResults.Problem(
        title: "Unsupported media type",
        detail: $"Content-Type must be {expected}.",
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>429 with Retry-After until the quota renews; nothing was published.</summary>
    public static ProblemHttpResult QuotaExceeded(HttpContext context, QuotaRefusal refusal)
    {
        context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Daily quota used up", detail: refusal.Detail, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>503 with Retry-After: nothing was lost, and ids make sending the same again safe.</summary>
    public static ProblemHttpResult BrokerUnavailable(HttpContext context, IngestOptions options, string detail)
    {
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Message broker unavailable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
