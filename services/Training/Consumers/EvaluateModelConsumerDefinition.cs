using MassTransit;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// One evaluation at a time (it keeps serving busy); retries over about two minutes cover serving starting up or
/// loading the model. After that the command goes to <c>evaluation-requests_error</c>, and the promotion decision that
/// waits for it is taken once the command is moved back.
/// </summary>
public sealed class EvaluateModelConsumerDefinition : ConsumerDefinition<EvaluateModelConsumer>
{
    public EvaluateModelConsumerDefinition()
    {
        EndpointName = "evaluation-requests";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EvaluateModelConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(2_000, 10_000, 30_000, 60_000));
}
