using MassTransit;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// A <see cref="StartFineTune"/> is a turn on a free worker: it runs the job it names, or a fairer one of another
/// tenant's (<see cref="FineTuneRunner.RunAsync"/>). The job rows, not the message, decide: a redelivered command
/// for a job that is finished or held by a live worker runs whatever else waits, or nothing.
/// </summary>
public sealed class StartFineTuneConsumer(FineTuneRunner runner) : IConsumer<StartFineTune>
{
    public Task Consume(ConsumeContext<StartFineTune> context) =>
        runner.RunAsync(context.Message.JobId, context, context.CancellationToken);
}
