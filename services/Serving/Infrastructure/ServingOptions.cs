namespace SlmPlatform.Serving.Infrastructure;

public sealed class ServingOptions
{
    public const string SectionName = "Serving";

    /// <summary>Memory the loaded specialists may take together; the least recently used are unloaded to make room.</summary>
    public long MemoryBudgetBytes { get; set; } = 4L << 30;

    /// <summary>The artifact store's folder, shared with the training service (a volume in the cloud).</summary>
    public string ArtifactsPath { get; set; } = "artifacts";

    /// <summary>CPU threads llama.cpp gives one GGUF specialist. One: a tiny model's answer takes milliseconds, and a
    /// second thread measured about twice the CPU per call without answering reliably sooner (docs/benchmarks.md).
    /// Concurrent callers of different specialists use the other cores.</summary>
    public int GgufThreads { get; set; } = 1;

    /// <summary>Answers one tenant may have in the works at once on this instance (the gateway's requests for it
    /// included); more wait, up to <see cref="QueuedAnswersPerTenant"/>, then get 429 (the gateway falls back to the
    /// teacher). So a tenant that floods serving takes its share of the cores, not the others'. Default: the cores.</summary>
    public int ConcurrentAnswersPerTenant { get; set; } = Environment.ProcessorCount;

    /// <summary>Answers of one tenant waiting for a turn; beyond them, 429.</summary>
    public int QueuedAnswersPerTenant { get; set; } = 32;
}
