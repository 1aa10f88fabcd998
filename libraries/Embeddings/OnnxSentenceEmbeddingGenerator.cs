namespace SlmPlatform.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over a <see cref="SentenceEmbeddingModel"/> in process.
/// A call's texts are tokenized, sorted by token count and cut into batches that pad to similar lengths; at most
/// <see cref="SentenceEmbeddingOptions.MaxConcurrency"/> batches run at once across all callers. Vectors come back
/// in input order, L2-normalised, so cosine similarity is their dot product.
/// </summary>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly SentenceEmbeddingModel _model;
    private readonly SentenceEmbeddingOptions _options;
    private readonly bool _ownsModel;
    private readonly SemaphoreSlim _gate;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Loads the model named by <paramref name="options"/> (the embedded all-MiniLM-L6-v2 by default).</summary>
    public OnnxSentenceEmbeddingGenerator(SentenceEmbeddingOptions? options = null)
        : this(Load(options ??= new SentenceEmbeddingOptions()), options, ownsModel: true)
    {
    }

    /// <summary>Uses an already loaded model, which several generators may share.</summary>
    public OnnxSentenceEmbeddingGenerator(SentenceEmbeddingModel model, SentenceEmbeddingOptions options, bool ownsModel = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _model = model;
        _options = options;
        _ownsModel = ownsModel;
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", providerUri: null, model.ModelId, model.Dimensions);
    }

    public SentenceEmbeddingModel Model => _model;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var tokens = new long[texts.Count][];
        long tokenCount = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = _model.Tokenize(texts[i], _options.MaxTokens);
            tokenCount += tokens[i].Length;
        }

        var vectors = new float[texts.Count][];
        var batches = LengthBatches.Plan(tokens, _options.BatchSize, _options.MaxTokensPerBatch);
        using var runOptions = new RunOptions();
        await using (cancellationToken.Register(() => runOptions.Terminate = true))
        {
            await Parallel.ForEachAsync(
                batches,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    await _gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        RunBatch(batch, tokens, vectors, runOptions);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }).ConfigureAwait(false);
        }

        var created = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = _model.ModelId, CreatedAt = created });
        }

        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(SentenceEmbeddingModel) ? _model
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        _gate.Dispose();
        if (_ownsModel)
        {
            _model.Dispose();
        }
    }

    private void RunBatch(int[] batch, long[][] tokens, float[][] vectors, RunOptions runOptions)
    {
        var rows = new long[batch.Length][];
        for (var i = 0; i < batch.Length; i++)
        {
            rows[i] = tokens[batch[i]];
        }

        var dimensions = _model.Dimensions;
        var output = new float[batch.Length * dimensions];
        _model.Embed(rows, output, runOptions);
        for (var i = 0; i < batch.Length; i++)
        {
            vectors[batch[i]] = output.AsSpan(i * dimensions, dimensions).ToArray();
        }
    }

    private static SentenceEmbeddingModel Load(SentenceEmbeddingOptions options) => options.ModelPath is { } path
        ? SentenceEmbeddingModel.LoadFromFolder(path, options.IntraOpThreads)
        : SentenceEmbeddingModel.LoadDefault(options.IntraOpThreads);
}
