using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Ingest.Infrastructure;

namespace SlmPlatform.Ingest.Apis;

/// <summary>How every ingest endpoint hands calls to the bus: within the tenant's daily quota, which a publish that fails gives back.</summary>
internal static class QuotaPublishing
{
    /// <summary>Null when the calls were published; otherwise the problem to answer (429 for the quota, 503 for the broker).</summary>
    public static async Task<ProblemHttpResult?> PublishWithinQuotaAsync(
        this DailyCallQuota quota, HttpContext context, ClaimsPrincipal user, int calls, Func<Task> publish, IngestOptions options, string brokerDetail, CancellationToken cancellationToken)
    {
        if (calls > 0 && await quota.TryTakeAsync(user, calls, cancellationToken) is { } refusal)
        {
            return IngestProblems.QuotaExceeded(context, refusal);
        }

        try
        {
            await publish();
            return null;
        }
        catch (BrokerUnavailableException)
        {
            await quota.GiveBackAsync(user, calls);
            return IngestProblems.BrokerUnavailable(context, options, brokerDetail);
        }
    }
}
