using MassTransit;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// One evaluation at a time (it keeps serving busy); retries over about two minutes cover serving starting up or
/// loading the model. After that the message goes to <c>model-evaluations_error</c>, and
/// <c>POST /api/models/{id}/evaluations</c> runs the evaluation on demand.
/// </summary>
public sealed class ModelTrainedConsumerDefinition : ConsumerDefinition<ModelTrainedConsumer>
{
    public ModelTrainedConsumerDefinition()
    {
        EndpointName = "model-evaluations";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelTrainedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(2_000, 10_000, 30_000, 60_000));
}
