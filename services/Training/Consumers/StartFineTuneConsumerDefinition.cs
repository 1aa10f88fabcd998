using MassTransit;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// One job per worker slot: prefetch 1 and one message at a time, so a second command waits in the queue for a
/// free worker instead of in this process. Retries cover transient failures (the database away); then the
/// <c>finetune-jobs_error</c> queue, and the sweeper announces the job again later.
/// </summary>
public sealed class StartFineTuneConsumerDefinition : ConsumerDefinition<StartFineTuneConsumer>
{
    public const string QueueName = "finetune-jobs";

    public StartFineTuneConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<StartFineTuneConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 1;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 15_000));
    }
}
