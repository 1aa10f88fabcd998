using MassTransit;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// The promotion saga's queue. Messages for one task run one at a time (the saga's row lock, on every replica); the
/// retries cover the database or the broker being away briefly (asking training for a score is a mandatory publish).
/// Nothing slow runs here: evaluations run in training, and a check reads a few rows.
/// </summary>
public sealed class PromotionStateDefinition : SagaDefinition<PromotionState>
{
    public PromotionStateDefinition()
    {
        EndpointName = "promotion-evaluations";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<PromotionState> sagaConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 30_000, 120_000));
}
