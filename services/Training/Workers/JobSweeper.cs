using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Announces again the jobs nobody is working on: running jobs whose worker stopped renewing its lease (killed, or
/// cut off) — a worker then takes them over and resumes from their last checkpoint — and, less often, queued jobs
/// whose command may have been lost; and models registered without their <c>ModelTrained</c> published (a crash
/// between the two, or a model registered before serving kept its own registry). Every training process runs one; the
/// lease makes that safe, and an announcement made twice changes nothing.
/// </summary>
public sealed partial class JobSweeper(IServiceScopeFactory scopes, IOptions<TrainingOptions> options, ILogger<JobSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SweepSeconds);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var jobs = scope.ServiceProvider.GetRequiredService<JobStore>();
                var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
                foreach (var (jobId, tenantId) in await jobs.DueAsync(interval, stoppingToken))
                {
                    await jobs.TouchAsync(jobId, stoppingToken);
                    await bus.Publish(new StartFineTune(jobId, tenantId), stoppingToken);
                    LogAnnounced(jobId);
                }

                var registry = scope.ServiceProvider.GetRequiredService<ModelRegistry>();
                foreach (var (tenantId, model) in await registry.UnannouncedAsync(interval, stoppingToken))
                {
                    await ModelAnnouncement.PublishAsync(bus, registry, tenantId, model, HeldOutFigures.FromMetrics(model.Metrics), stoppingToken);
                    LogModelAnnounced(model.Id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced job {JobId} again (its worker's lease expired, or it has been queued long)")]
    private partial void LogAnnounced(Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announced model {ModelId}, registered without its ModelTrained published")]
    private partial void LogModelAnnounced(Guid modelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job sweep failed ({ErrorType}); trying again at the next interval")]
    private partial void LogSweepFailed(string errorType);
}
