using MassTransit;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// A task's promotion as one state machine: an evaluated model enters it; a newcomer that must beat a serving model
/// waits in <see cref="Challenging"/> for training's answer; where models are deployed before they are routed, one
/// waits in <see cref="Deploying"/> for serving's; checks take a specialist through <see cref="Shadow"/>,
/// <see cref="Canary"/> and <see cref="Full"/>, back to <see cref="Unserved"/> when it is demoted (or a person takes it
/// away), and ask for retraining. <see cref="PromotionSteps"/> decides; the state says where the task stands after.
/// </summary>
public sealed class PromotionStateMachine : MassTransitStateMachine<PromotionState>
{
    public PromotionStateMachine()
    {
        InstanceState(state => state.CurrentState);
        Event(() => Evaluated, e => e.CorrelateById(m => m.Message.TaskId));
        Event(() => CheckDue, e => e.CorrelateById(m => m.Message.TaskId));
        // A refusal answers a challenge, which lives in an instance: with none, there is nothing it can answer.
        Event(() => Refused, e =>
        {
            e.CorrelateById(m => m.Message.TaskId);
            e.OnMissingInstance(missing => missing.Discard());
        });

        // So does a deployment's outcome; serving's answers to operators' deployments name no task and are dropped here.
        Event(() => Deployed, e =>
        {
            e.CorrelateById(m => m.Message.TaskId ?? Guid.Empty);
            e.OnMissingInstance(missing => missing.Discard());
        });

        Initially(OnEvaluated(), OnCheckDue());
        DuringAny(
            OnEvaluated(),
            When(Refused).ThenAsync(async context => await MoveAsync(context, await Steps(context).RefusedAsync(context.Saga, context.Message, context.CancellationToken))),
            When(Deployed).ThenAsync(async context => await MoveAsync(context, await Steps(context).DeployedAsync(context.Saga, context.Message, context.CancellationToken))),
            OnCheckDue());
    }

    public State Unserved { get; private set; } = null!;

    public State Challenging { get; private set; } = null!;

    public State Deploying { get; private set; } = null!;

    public State Shadow { get; private set; } = null!;

    public State Canary { get; private set; } = null!;

    public State Full { get; private set; } = null!;

    public Event<ModelEvaluated> Evaluated { get; private set; } = null!;

    public Event<ModelEvaluationRefused> Refused { get; private set; } = null!;

    public Event<ModelDeployed> Deployed { get; private set; } = null!;

    public Event<PromotionCheckDue> CheckDue { get; private set; } = null!;

    private EventActivityBinder<PromotionState, ModelEvaluated> OnEvaluated() =>
        When(Evaluated).ThenAsync(async context => await MoveAsync(context, await Steps(context).EvaluatedAsync(context.Saga, context.Message, context.CancellationToken)));

    private EventActivityBinder<PromotionState, PromotionCheckDue> OnCheckDue() =>
        When(CheckDue).ThenAsync(async context => await MoveAsync(context, await Steps(context).CheckAsync(context.Saga, context.Message, context.CancellationToken)));

    private static PromotionSteps Steps(BehaviorContext<PromotionState> context) => context.GetServiceOrCreateInstance<PromotionSteps>();

    private Task MoveAsync(BehaviorContext<PromotionState> context, PromotionStage stage) => context.TransitionToState(stage switch
    {
        PromotionStage.Challenging => Challenging,
        PromotionStage.Deploying => Deploying,
        PromotionStage.Shadow => Shadow,
        PromotionStage.Canary => Canary,
        PromotionStage.Full => Full,
        _ => Unserved,
    });
}
