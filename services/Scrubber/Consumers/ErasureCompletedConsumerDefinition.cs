using MassTransit;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>Retries in place (a database restart), then the <c>erasure-reports_error</c> queue.</summary>
public sealed class ErasureCompletedConsumerDefinition : ConsumerDefinition<ErasureCompletedConsumer>
{
    public ErasureCompletedConsumerDefinition()
    {
        EndpointName = "erasure-reports";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ErasureCompletedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
}
