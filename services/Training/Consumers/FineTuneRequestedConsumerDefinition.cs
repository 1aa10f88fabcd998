using MassTransit;

namespace SlmPlatform.Training.Consumers;

/// <summary>Retries in place (a database restart), then the <c>finetune-requests_error</c> queue.</summary>
public sealed class FineTuneRequestedConsumerDefinition : ConsumerDefinition<FineTuneRequestedConsumer>
{
    public FineTuneRequestedConsumerDefinition()
    {
        EndpointName = "finetune-requests";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FineTuneRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));
}
