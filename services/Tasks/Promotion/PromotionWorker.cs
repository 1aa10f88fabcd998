using System.Globalization;
using Microsoft.Extensions.Options;
using SlmPlatform.Tasks.Infrastructure;

namespace SlmPlatform.Tasks.Promotion;

/// <summary>
/// The promotion policy's rounds: each promoted specialist's online agreement since it took its mode (shadow
/// comparisons, then the teacher samples of canary and full) moves it on or demotes it. A decision's id comes from
/// the specialist's state and the action, so each move is decided once however many rounds see it.
/// </summary>
public sealed partial class PromotionWorker(IServiceScopeFactory scopes, IOptionsMonitor<PromotionOptions> options, ILogger<PromotionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RoundAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.IntervalSeconds), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round over every promoted specialist.</summary>
    public static async Task RoundAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var specialists = services.GetRequiredService<TaskSpecialistStore>();
        var routing = services.GetRequiredService<SpecialistRouting>();
        var policies = services.GetRequiredService<PromotionPolicies>();
        var executor = services.GetRequiredService<PromotionExecutor>();
        foreach (var (tenantId, taskId, specialist) in await specialists.ListAsync(cancellationToken))
        {
            var policy = await policies.ForAsync(tenantId, cancellationToken);
            var (compared, agreed) = await routing.OnlineSinceAsync(tenantId, taskId, specialist);
            if (PromotionRules.OnOnline(policy, specialist, compared, agreed) is not { } verdict)
            {
                continue;
            }

            var state = string.Join('/', taskId, specialist.ModelId, specialist.Mode, specialist.PromotedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), verdict.Action);
            await executor.ApplyAsync(DeterministicId.Create("promotion-online", state), tenantId, taskId, specialist.ModelId, policy, verdict, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A promotion round failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
