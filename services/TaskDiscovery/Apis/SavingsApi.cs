using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>How much the tenant's specialists saved: calls served instead of the teacher, fallbacks, cost and latency.</summary>
public static class SavingsApi
{
    public const int MaxDays = 400;

    public static IEndpointRouteBuilder MapSavingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/savings").WithTags("Savings").RequireAuthorization()
            .MapGet("", GetSavings).WithName("GetSavings").WithSummary("Per task and overall, per day, for a period (default: the last 30 days)");
        return app;
    }

    public static async Task<Results<Ok<SavingsReport>, ValidationProblem>> GetSavings(
        ClaimsPrincipal user, SavingsCalculator savings, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, today, "to", errors);
        var start = Parse(from, end.AddDays(-29), "from", errors);
        if (errors.Count == 0 && (start > end || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["from"] = [$"Must be on or before 'to', at most {MaxDays} days before it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await savings.ReportAsync(user.GetTenantId(), start, end, cancellationToken));
    }

    private static DateOnly Parse(string? value, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Must be a date, yyyy-MM-dd."];
        return fallback;
    }
}
