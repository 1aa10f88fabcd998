namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// How many promotion rounds this process has completed: a caller that changed something waits for the next rounds
/// here to know they have seen it (and decided, or decided nothing).
/// </summary>
public sealed class PromotionRounds
{
    private long _completed;

    public long Completed => Interlocked.Read(ref _completed);

    internal void Complete() => Interlocked.Increment(ref _completed);
}
