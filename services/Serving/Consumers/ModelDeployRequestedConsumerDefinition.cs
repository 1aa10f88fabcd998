using MassTransit;

namespace SlmPlatform.Serving.Consumers;

/// <summary>
/// One deployment at a time: pushing a GGUF to Ollama moves gigabytes. The deployment retries the target itself; the
/// retries here cover only the broker (publishing the outcome), after which the request goes to
/// <c>model-deployments_error</c> and <c>POST /api/deployments</c> deploys by hand.
/// </summary>
public sealed class ModelDeployRequestedConsumerDefinition : ConsumerDefinition<ModelDeployRequestedConsumer>
{
    public ModelDeployRequestedConsumerDefinition()
    {
        EndpointName = "model-deployments";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelDeployRequestedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 30_000));
}
