using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>What the tenant's agents asked the LLM for: calls captured, tokens and spend per day and task.</summary>
public static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/usage").WithTags("Usage").RequireAuthorization()
            .MapGet("", GetUsage).WithName("GetUsage").WithSummary("Calls captured, tokens and LLM spend per day and task, for a period (default: the last 30 days)");
        return app;
    }

    public static async Task<Results<Ok<UsageReport>, ValidationProblem>> GetUsage(
        ClaimsPrincipal user, TaskStore tasks, TimeProvider time, string? from, string? to, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(from, to, time, out var errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await tasks.UsageAsync(user.GetTenantId(), period.From, period.To, cancellationToken));
    }
}
