using MassTransit;

namespace SlmPlatform.Training.Consumers;

/// <summary>Retries in place (a database restart), then the <c>training-erasures_error</c> queue.</summary>
public sealed class CallsErasedConsumerDefinition : ConsumerDefinition<CallsErasedConsumer>
{
    public CallsErasedConsumerDefinition()
    {
        EndpointName = "training-erasures";
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallsErasedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
}
