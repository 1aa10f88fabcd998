using SlmPlatform.Evaluation;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// The savings report: the gateways' routing tallies (summed per day), priced with each task's own figures (its teacher cost
/// per call from the price table, its median teacher latency). Cost avoided is what the teacher would have charged;
/// the specialist's own cost is not subtracted, since it runs on the tenant's hardware (see docs/serving.md). A call the
/// specialist abstained on or fell back from costs the teacher's price as before, and the time the specialist took is
/// taken off the latency saved. Agreement with the teacher comes with its Wilson interval, so that a few comparisons
/// are not read as many.
/// </summary>
public sealed class SavingsCalculator(TaskStore tasks, RoutingDayStore routingDays)
{
    public async Task<SavingsReport> ReportAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = new List<TaskSavings>();
        foreach (var task in await tasks.ListAsync(tenantId, cancellationToken))
        {
            var days = await routingDays.ReadAsync(tenantId, task.Id, from, to, cancellationToken);
            if (days.Count == 0)
            {
                continue;
            }

            var answered = days.Sum(d => d.Answered);
            var fellBack = days.Sum(d => d.FellBack);
            var abstained = days.Sum(d => d.Abstained);
            var routed = answered + fellBack + abstained;
            var perCall = task.Calls == 0 ? 0m : task.Cost / task.Calls;
            double? specialistMean = answered == 0 ? null : days.Sum(d => d.AnsweredMilliseconds) / answered;
            double? saved = task.LatencyP50Ms is { } teacher && specialistMean is { } mean ? answered * (teacher - mean) - days.Sum(d => d.AbstainedMilliseconds) : null;
            var (compared, agreed) = (days.Sum(d => d.ShadowCompared), days.Sum(d => d.ShadowAgreed));
            rows.Add(new TaskSavings(
                task.Id, task.Name, answered, fellBack, routed == 0 ? 0 : (double)fellBack / routed,
                perCall, perCall * answered, task.LatencyP50Ms, specialistMean, saved,
                [.. days.Select(d => new RoutingDayFigures(d.Day, d.Answered, d.FellBack, perCall * d.Answered, d.ShadowCompared, d.ShadowAgreed))],
                compared, agreed, days.Sum(d => d.ShadowFailed), AgreementOf(agreed, compared),
                abstained, routed == 0 ? null : (double)answered / routed, days.Sum(d => d.ShadowAbstained)));
        }

        return new SavingsReport(from, to, rows.Sum(r => r.SpecialistCalls), rows.Sum(r => r.Fallbacks), rows.Sum(r => r.CostAvoided),
            rows.Sum(r => r.LatencySavedMs ?? 0), rows);
    }

    private static Agreement? AgreementOf(long agreed, long compared)
    {
        if (compared == 0)
        {
            return null;
        }

        var share = new Proportion((int)Math.Min(agreed, int.MaxValue), (int)Math.Min(compared, int.MaxValue));
        return new Agreement(share.Value, share.Low, share.High, compared);
    }
}
