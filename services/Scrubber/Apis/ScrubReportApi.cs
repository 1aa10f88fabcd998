using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Infrastructure;

namespace SlmPlatform.Scrubber.Apis;

/// <summary>What the scrubber replaced over time, by entity type, for the caller's tenant.</summary>
public static class ScrubReportApi
{
    public const string DefaultBucket = "day";
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    /// <summary>The most buckets one report may span, so that a report is always a small answer.</summary>
    public const int MaxBuckets = 2000;

    public static IEndpointRouteBuilder MapScrubReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/scrub").WithTags("Scrubbing").RequireAuthorization()
            .MapGet("/report", GetReport)
            .WithName("GetScrubReport")
            .WithSummary("Replacements by entity type per hour, day, week or month over [from, to) (ISO 8601; default the last 30 days by day)");

        return app;
    }

    public static async Task<Results<Ok<ScrubReport>, ValidationProblem>> GetReport(
        ClaimsPrincipal user,
        ScrubReportStore store,
        TimeProvider clock,
        string? from,
        string? to,
        string? bucket,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var end = Parse(to, "to", errors) ?? clock.GetUtcNow();
        var start = Parse(from, "from", errors) ?? end - DefaultRange;
        var size = string.IsNullOrEmpty(bucket) ? DefaultBucket : bucket;
        if (!ScrubReportStore.Buckets.Contains(size))
        {
            errors["bucket"] = ["Must be hour, day, week or month."];
        }
        else if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (start >= end)
            {
                errors["from"] = ["Must be before 'to'."];
            }
            else if ((end - start) / Width(size) > MaxBuckets)
            {
                errors["bucket"] = [$"The range spans more than {MaxBuckets} buckets of a {size}; choose a larger bucket or a shorter range."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.ReportAsync(user.GetTenantId(), start, end, size, cancellationToken));
    }

    private static DateTimeOffset? Parse(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[field] = ["Must be an ISO 8601 date or time, such as 2026-11-01 or 2026-11-01T12:00:00Z."];
        return null;
    }

    private static TimeSpan Width(string bucket) => bucket switch
    {
        "hour" => TimeSpan.FromHours(1),
        "day" => TimeSpan.FromDays(1),
        "week" => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(28),
    };
}
