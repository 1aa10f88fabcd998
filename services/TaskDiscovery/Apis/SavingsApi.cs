using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>How much the tenant's specialists saved: calls served instead of the teacher, fallbacks, cost and latency.</summary>
public static class SavingsApi
{
    public static IEndpointRouteBuilder MapSavingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/savings").WithTags("Savings").RequireAuthorization()
            .MapGet("", GetSavings).WithName("GetSavings").WithSummary("Per task and overall, per day, for a period (default: the last 30 days)");
        return app;
    }

    public static async Task<Results<Ok<SavingsReport>, ValidationProblem>> GetSavings(
        ClaimsPrincipal user, SavingsCalculator savings, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(from, to, time, out var errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await savings.ReportAsync(user.GetTenantId(), period.From, period.To, cancellationToken));
    }
}
