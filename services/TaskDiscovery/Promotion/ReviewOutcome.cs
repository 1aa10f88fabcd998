namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>What a person's approval or rejection of a recommendation came to.</summary>
public enum ReviewOutcome
{
    Done,
    NotFound,
    NotPending,
    NotRoutable,
}
