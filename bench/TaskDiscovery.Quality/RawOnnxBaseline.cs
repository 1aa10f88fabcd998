using System.Text;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace SlmPlatform.TaskDiscovery.Quality;

/// <summary>
/// The floor to compare the generator against: the same ONNX file run directly with ONNX Runtime and FastBertTokenizer,
/// no generator around it, and the generator's session options (one inter-op thread, sequential execution). Inputs
/// are taken in their given order (a batch pads to its longest text); mean pooling and L2 normalisation as in the
/// generator. <see cref="SortedByTokens"/> gives the order the generator batches in.
/// </summary>
internal sealed class RawOnnxBaseline : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();

    public RawOnnxBaseline()
    {
        var (model, vocabulary) = EmbeddedMiniLm.Read();
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
        };
        _session = new InferenceSession(model, options);
        using var reader = new StringReader(Encoding.UTF8.GetString(vocabulary));
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    /// <summary>The texts ordered by their WordPiece count (stable), as the generator orders them before it batches.</summary>
    public string[] SortedByTokens(string[] texts) =>
        [.. texts.Select(t => (Text: t, Tokens: _tokenizer.Encode(t, 256).InputIds.Length)).OrderBy(p => p.Tokens).Select(p => p.Text)];

    public float[][] Embed(string[] texts, int batchSize)
    {
        var result = new float[texts.Length][];
        for (var start = 0; start < texts.Length; start += batchSize)
        {
            var batch = texts[start..Math.Min(texts.Length, start + batchSize)];
            var rows = batch.Select(t => _tokenizer.Encode(t, 256).InputIds.ToArray()).ToArray();
            var length = rows.Max(r => r.Length);
            var ids = new long[batch.Length * length];
            var mask = new long[batch.Length * length];
            for (var b = 0; b < batch.Length; b++)
            {
                rows[b].CopyTo(ids.AsSpan(b * length));
                mask.AsSpan(b * length, rows[b].Length).Fill(1);
            }

            long[] shape = [batch.Length, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
            var states = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                var vector = new float[384];
                for (var t = 0; t < rows[b].Length; t++)
                {
                    VectorMath.AddScaled(vector, states.Slice(((b * length) + t) * 384, 384));
                }

                VectorMath.Normalize(vector);
                result[start + b] = vector;
            }
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
