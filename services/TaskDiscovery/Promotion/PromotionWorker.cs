using System.Globalization;
using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// The promotion policy's rounds: each promoted specialist's online agreement since it took its mode (shadow
/// comparisons, then the teacher samples of canary and full) moves it on or demotes it. A decision's id comes from
/// the specialist's state and the action, so each move is decided once however many rounds see it. The same rounds
/// ask for retraining when the task has grown or the teacher answers with new labels (once per cause and model).
/// </summary>
public sealed partial class PromotionWorker(
    IServiceScopeFactory scopes, PromotionRounds rounds, IOptionsMonitor<PromotionOptions> options, ILogger<PromotionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RoundAsync(scope.ServiceProvider, stoppingToken);
                rounds.Complete();
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
        var tasks = services.GetRequiredService<TaskStore>();
        var tenantPolicies = new Dictionary<string, PromotionPolicy>(StringComparer.Ordinal);
        foreach (var (tenantId, taskId, specialist) in await specialists.ListAsync(cancellationToken))
        {
            if (!tenantPolicies.TryGetValue(tenantId, out var policy))
            {
                tenantPolicies[tenantId] = policy = await policies.ForAsync(tenantId, cancellationToken);
            }

            var (compared, agreed) = await routing.OnlineSinceAsync(tenantId, taskId, specialist, cancellationToken);
            if (PromotionRules.OnOnline(policy, specialist, compared, agreed) is { } verdict)
            {
                var state = string.Join('/', taskId, specialist.ModelId, specialist.Mode, specialist.PromotedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), verdict.Action);
                await executor.ApplyAsync(DeterministicId.Create("promotion-online", state), tenantId, taskId, specialist.ModelId, policy, verdict, cancellationToken);
                if (verdict.Action == PromotionActions.Demote)
                {
                    continue;
                }
            }

            if (await tasks.FindAsync(tenantId, taskId, cancellationToken) is { } task
                && RetrainingRules.Check(policy, specialist, task.Task.Calls, task.Labels) is var (cause, reason))
            {
                var decisionId = DeterministicId.Create("promotion-retrain", taskId.ToString(), specialist.ModelId.ToString(), cause);
                await executor.RetrainAsync(decisionId, tenantId, taskId, specialist.ModelId, reason, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A promotion round failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
