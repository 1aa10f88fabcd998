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
}
