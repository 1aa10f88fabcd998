using Microsoft.Extensions.Options;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>Re-clusters, on a schedule, every task whose calls grew enough since its last run.</summary>
public sealed partial class TopicReclusterWorker(
    IServiceScopeFactory scopes,
    TopicStore topics,
    TaskStore tasks,
    IOptionsMonitor<TopicOptions> options,
    ILogger<TopicReclusterWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.Interval, stoppingToken);
                var settings = options.CurrentValue;
                foreach (var taskId in await topics.DueForClusteringAsync(settings.MinCalls, settings.Growth, stoppingToken))
                {
                    if (await tasks.TenantOfAsync(taskId, stoppingToken) is not { } tenantId)
                    {
                        continue;
                    }

                    // A scope per run: the publisher MassTransit hands out is scoped.
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<TopicReclusterer>().ReclusterIfDueAsync(tenantId, taskId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next round tries again; a failed run changed nothing (its writes are one transaction).
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-clustering topics failed; retrying next round")]
    private partial void LogFailed(Exception exception);
}
