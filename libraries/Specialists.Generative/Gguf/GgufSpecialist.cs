using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;

namespace SlmPlatform.Specialists.Generative;

/// <summary>Serves an exported specialist through LLamaSharp (llama.cpp): the tokenizer is rebuilt from the GGUF's
/// <c>slm.*</c> metadata and token ids are fed directly, so prompts are cut exactly as in training whatever the
/// tokenizer kind. Greedy decoding. Not thread-safe: one instance per concurrent caller.</summary>
public sealed class GgufSpecialist : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly int _contextLength;
    private readonly LLamaBatch _batch = new();
    private readonly Stopwatch _clock = new();
    private long _generated;

    private GgufSpecialist(LLamaWeights weights, LLamaContext context, SpecialistTokenizer tokenizer, int contextLength, int maxAnswerTokens)
    {
        _weights = weights;
        _context = context;
        Tokenizer = tokenizer;
        _contextLength = contextLength;
        MaxAnswerTokens = maxAnswerTokens;
    }

    public SpecialistTokenizer Tokenizer { get; }

    public int MaxAnswerTokens { get; }

    /// <summary>Tokens generated so far by this instance and the time spent generating them (prompt included).</summary>
    public (long Tokens, TimeSpan Elapsed) Usage => (_generated, _clock.Elapsed);

    /// <summary>Loads a GGUF written by <see cref="GenerativeSpecialistModel.ExportGguf"/>.</summary>
    /// <param name="path">The .gguf file.</param>
    /// <param name="threads">CPU threads for llama.cpp; null uses every core.</param>
    public static GgufSpecialist Load(string path, int? threads = null)
    {
        var metadata = GgufMetadata.Read(path);
        if (!metadata.TryGetValue(GgufExporter.PiecesKey, out var pieces) || !metadata.TryGetValue(GgufExporter.KindKey, out var kind))
        {
            throw new InvalidDataException($"{path} was not written by a generative specialist (no {GgufExporter.PiecesKey}).");
        }

        var tokenizer = new SpecialistTokenizer(Enum.Parse<TokenizerKind>((string)kind), [.. ((object[])pieces).Cast<string>()]);
        var contextLength = (int)(uint)metadata["llama.context_length"];
        var maxAnswer = (int)(uint)metadata[GgufExporter.MaxAnswerKey];
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)contextLength,
            BatchSize = (uint)contextLength,
            GpuLayerCount = 0,
            Threads = threads ?? Environment.ProcessorCount,
            BatchThreads = threads ?? Environment.ProcessorCount,
        };
        LlamaNativeLog.EnsureConfigured();
        var weights = LLamaWeights.LoadFromFile(parameters);
        try
        {
            return new GgufSpecialist(weights, weights.CreateContext(parameters), tokenizer, contextLength, maxAnswer);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>The greedy answer to one prompt.</summary>
    public string Generate(string prompt) => GenerateScored(prompt).Text;

    /// <summary>
    /// The greedy answer to one prompt, with the probability the model gave that whole answer (the product of each
    /// chosen token's probability, the end of the answer included): how sure it is, for selective routing.
    /// </summary>
    public GgufAnswer GenerateScored(string prompt)
    {
        var tokens = PromptFormat.Prompt(Tokenizer, prompt, _contextLength, MaxAnswerTokens);
        _clock.Start();
        try
        {
            var handle = _context.NativeHandle;
            handle.MemoryClear(true);
            _batch.Clear();
            for (var i = 0; i < tokens.Length; i++)
            {
                _batch.Add(tokens[i], i, LLamaSeqId.Zero, i == tokens.Length - 1);
            }

            var answer = new List<int>();
            var logProbability = 0.0;
            var position = tokens.Length;
            for (var step = 0; step < MaxAnswerTokens && position < _contextLength; step++)
            {
                if (handle.Decode(_batch) != DecodeResult.Ok)
                {
                    throw new InvalidOperationException("llama.cpp could not decode the batch.");
                }

                var logits = handle.GetLogitsIth(_batch.TokenCount - 1);
                var next = ArgMax(logits);
                logProbability += LogProbabilityOfMax(logits, next);
                _generated++;
                if (next == SpecialistTokenizer.Eos)
                {
                    break;
                }

                answer.Add(next);
                _batch.Clear();
                _batch.Add(next, position++, LLamaSeqId.Zero, true);
            }

            return new GgufAnswer(Tokenizer.Decode(answer), Math.Exp(logProbability));
        }
        finally
        {
            _clock.Stop();
        }
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }

    // log softmax of the largest logit: −log Σ exp(lᵢ − l_max), summed in double so a long answer does not drift.
    private static double LogProbabilityOfMax(ReadOnlySpan<float> logits, int best)
    {
        var max = logits[best];
        var sum = 0.0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        return -Math.Log(sum);
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }
}

/// <summary>A greedy answer and the probability the model gave it as a whole.</summary>
public sealed record GgufAnswer(string Text, double SequenceProbability);
