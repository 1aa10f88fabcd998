namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Where a task's promotion stands after a step; <see cref="PromotionStateMachine"/> has a state for each.</summary>
public enum PromotionStage
{
    Unserved,
    Challenging,
    Deploying,
    Shadow,
    Canary,
    Full,
}
