using MassTransit;

namespace SlmPlatform.Gateway.Consumers;

/// <summary>
/// One queue for the gateway service: every replica reads the same Redis table, and Redis tells them all of a change.
/// Redis away is retried for about ten minutes in place (a route change is small and must not be parked for it);
/// after that the change waits in <c>gateway-routes_error</c>, and the next change of the task carries its whole state.
/// </summary>
public sealed class SpecialistRouteChangedConsumerDefinition : ConsumerDefinition<SpecialistRouteChangedConsumer>
{
    public SpecialistRouteChangedConsumerDefinition()
    {
        EndpointName = "gateway-routes";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SpecialistRouteChangedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
}
