using MassTransit;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>Creates the job another service asked for; a repeated request finds the job made the first time.</summary>
public sealed partial class FineTuneRequestedConsumer(JobStarter starter, ILogger<FineTuneRequestedConsumer> logger) : IConsumer<FineTuneRequested>
{
    public async Task Consume(ConsumeContext<FineTuneRequested> context)
    {
        var requested = context.Message;
        var (job, created) = await starter.StartAsync(requested.TenantId, new FineTuneRequest(requested.TaskId, ClientJobId: requested.ClientJobId), context, context.CancellationToken);
        LogRequested(job.Id, requested.TaskId, requested.Reason, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fine-tune job {JobId} for task {TaskId} asked for ({Reason}); new: {Created}")]
    private partial void LogRequested(Guid jobId, Guid taskId, string reason, bool created);
}
