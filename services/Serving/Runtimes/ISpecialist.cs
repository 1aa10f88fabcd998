namespace SlmPlatform.Serving.Runtimes;

/// <summary>A loaded specialist, ready to answer. Thread-safe; disposed when evicted.</summary>
public interface ISpecialist : IDisposable
{
    SpecialistDescriptor Descriptor { get; }

    /// <summary>What it holds in memory, for the serving budget.</summary>
    long MemoryBytes { get; }

    Task<SpecialistAnswer> AnswerAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken);
}
