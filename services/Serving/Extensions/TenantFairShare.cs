using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Serving.Infrastructure;

namespace SlmPlatform.Serving.Extensions;

/// <summary>
/// Each tenant's fair share of serving: a concurrency limit per tenant on the endpoints that run a specialist
/// (<see cref="ServingOptions.ConcurrentAnswersPerTenant"/>, a short queue behind it, then a problem-details 429 with
/// <c>Retry-After</c>). It counts the gateway's requests for a tenant as that tenant's, so that one tenant's routed
/// traffic cannot take every core from another's.
/// </summary>
internal static class TenantFairShare
{
    public const string PolicyName = "tenant-fair-share";

    public static IHostApplicationBuilder AddTenantFairShare(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ServingOptions>>().Value;
                return context.User.FindFirst(TenantClaims.TenantId)?.Value is not { } tenant
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetConcurrencyLimiter(tenant, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentAnswersPerTenant,
                        QueueLimit = options.QueuedAnswersPerTenant,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var options = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<ServingOptions>>().Value;
                return new ValueTask(TooManyRequests.WriteAsync(
                    rejected.HttpContext, 1,
                    $"This tenant has {options.ConcurrentAnswersPerTenant} answers in the works and {options.QueuedAnswersPerTenant} waiting; retry after 1 s."));
            };
        });
        return builder;
    }
}
