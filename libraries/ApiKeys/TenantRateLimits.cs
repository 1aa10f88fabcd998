using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Section <c>RateLimits</c>: how many requests per second one tenant may send to an endpoint that asks for
/// <see cref="TenantRateLimits.PolicyName"/> on this instance (a token bucket: <see cref="PermitsPerSecond"/> refilled,
/// <see cref="Burst"/> at most), so that one tenant's flood does not take another's capacity. 0 turns it off.
/// </summary>
public sealed class TenantRateLimitOptions
{
    public const string SectionName = "RateLimits";

    public int PermitsPerSecond { get; set; } = 2000;

    public int Burst { get; set; } = 4000;
}

public static class TenantRateLimits
{
    public const string PolicyName = "per-tenant";

    /// <summary>
    /// Adds the per-tenant limit, and the daily quota (<see cref="DailyCallQuota"/>) for the endpoints that capture. A refused request gets a problem-details 429 with <c>Retry-After</c>; requests the key
    /// check refused never reach it, and service-to-service requests are not limited.
    /// </summary>
    public static IHostApplicationBuilder AddTenantRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TenantRateLimitOptions.SectionName).Get<TenantRateLimitOptions>() ?? new TenantRateLimitOptions();
        builder.Services.AddOptions<DailyCallQuotaOptions>().BindConfiguration(DailyCallQuotaOptions.SectionName)
            .Validate(quota => quota.CallsPerDay >= 0, "Quotas:CallsPerDay must be 0 (no quota) or more.").ValidateOnStart();
        builder.Services.AddSingleton<DailyCallQuota>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var tenant = context.User.FindFirst(TenantClaims.TenantId)?.Value;
                return options.PermitsPerSecond <= 0 || tenant is null || context.User.HasClaim(c => c.Type == TenantClaims.Service)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(options.Burst, 1),
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                return new ValueTask(TooManyRequests.WriteAsync(
                    rejected.HttpContext, retryAfter,
                    $"This tenant sent more than {options.PermitsPerSecond} requests a second (bursts up to {options.Burst}); retry after {retryAfter} s."));
            };
        });
        return builder;
    }
}
