using MassTransit;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// Runs the job a <see cref="StartFineTune"/> names. The job row, not the message, decides: a redelivered command
/// for a job that is finished or held by a live worker does nothing.
/// </summary>
public sealed class StartFineTuneConsumer(FineTuneRunner runner) : IConsumer<StartFineTune>
{
    public Task Consume(ConsumeContext<StartFineTune> context) =>
        runner.RunAsync(context.Message.JobId, context, context.CancellationToken);
}
