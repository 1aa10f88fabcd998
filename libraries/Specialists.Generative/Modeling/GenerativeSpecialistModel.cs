using System.Diagnostics;
using System.Text.Json;
using SlmPlatform.Specialists.Generative.Native;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Generative;

/// <summary>A trained generative specialist in TorchSharp: greedy answers, held-out evaluation, GGUF export, and
/// save/load of its weights. Not thread-safe; dispose it to free native memory.</summary>
public sealed class GenerativeSpecialistModel : IDisposable
{
    private const string WeightsFile = "model.bin";
    private const string SpecFile = "specialist.json";
    private const int GenerationBatch = 64;

    internal GenerativeSpecialistModel(TinyLlama network, SpecialistTokenizer tokenizer, int maxAnswerTokens, TrainingSummary? summary)
    {
        Network = network;
        Tokenizer = tokenizer;
        MaxAnswerTokens = maxAnswerTokens;
        Summary = summary;
        Network.eval();
    }

    public SpecialistTokenizer Tokenizer { get; }

    public LlamaShape Shape => Network.Shape;

    /// <summary>Most tokens one answer may take, the end mark included.</summary>
    public int MaxAnswerTokens { get; }

    /// <summary>How training went; null for a model loaded from disk without one.</summary>
    public TrainingSummary? Summary { get; internal set; }

    public long ParameterCount => Network.parameters().Sum(p => p.numel());

    internal TinyLlama Network { get; }

    /// <summary>The greedy answer to one prompt.</summary>
    public string Generate(string prompt) => GenerateAll([prompt], out _)[0];

    /// <summary>Greedy answers to many prompts, batched by prompt length (no padding, so each answer equals the
    /// one-at-a-time answer).</summary>
    public IReadOnlyList<string> GenerateAll(IReadOnlyList<string> prompts) => GenerateAll(prompts, out _);

    /// <summary>Greedy-decodes every prompt and compares with the reference answers.</summary>
    public GenerativeEvaluation Evaluate(IReadOnlyList<(string Prompt, string Answer)> examples)
    {
        var clock = Stopwatch.StartNew();
        var predictions = GenerateAll([.. examples.Select(e => e.Prompt)], out var generated);
        var exact = examples.Where((e, i) => string.Equals(predictions[i], e.Answer, StringComparison.Ordinal)).Count();
        return new GenerativeEvaluation(examples.Count, exact, predictions, clock.Elapsed, generated);
    }

    /// <summary>Writes a llama-architecture GGUF that llama.cpp, LLamaSharp and Ollama load. Q8_0 is made from the
    /// F32 file by llama.cpp's own quantiser.</summary>
    public void ExportGguf(string path, GgufQuantization quantization = GgufQuantization.F32) =>
        GgufExporter.Export(this, path, quantization);

    /// <summary>Saves weights and tokenizer to a folder that <see cref="Load"/> reads back.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Network.save(Path.Combine(directory, WeightsFile));
        var spec = new SavedSpecialist(Shape, Tokenizer.Kind, [.. Tokenizer.Pieces], MaxAnswerTokens, Summary);
        File.WriteAllText(Path.Combine(directory, SpecFile), JsonSerializer.Serialize(spec));
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    public static GenerativeSpecialistModel Load(string directory)
    {
        LibTorchRuntime.EnsureInitialized();
        var spec = JsonSerializer.Deserialize<SavedSpecialist>(File.ReadAllText(Path.Combine(directory, SpecFile)))
            ?? throw new InvalidDataException($"{directory} holds no specialist.");
        var network = new TinyLlama(spec.Shape, 0);
        network.load(Path.Combine(directory, WeightsFile));
        return new GenerativeSpecialistModel(network, new SpecialistTokenizer(spec.Tokenizer, spec.Pieces), spec.MaxAnswerTokens, spec.Summary);
    }

    public void Dispose() => Network.Dispose();

    internal int[] EncodePrompt(string prompt) => PromptFormat.Prompt(Tokenizer, prompt, Shape.ContextLength, MaxAnswerTokens);

    private string[] GenerateAll(IReadOnlyList<string> prompts, out long generatedTokens)
    {
        LibTorchRuntime.EnsureInitialized();
        Network.eval();
        var answers = new string[prompts.Count];
        generatedTokens = 0;
        var encoded = prompts.Select(EncodePrompt).ToArray();
        using var noGrad = no_grad();
        foreach (var group in Enumerable.Range(0, prompts.Count).GroupBy(i => encoded[i].Length))
        {
            foreach (var chunk in group.Chunk(GenerationBatch))
            {
                var outputs = GreedyBatch([.. chunk.Select(i => encoded[i])]);
                for (var j = 0; j < chunk.Length; j++)
                {
                    generatedTokens += outputs[j].Count + (outputs[j].Count < MaxAnswerTokens ? 1 : 0);
                    answers[chunk[j]] = Tokenizer.Decode(outputs[j]);
                }
            }
        }

        return answers;
    }

    /// <summary>Greedy decoding of equal-length prompts together, recomputing the sequence at each step (answers
    /// are short; a KV cache would not pay for itself at these sizes).</summary>
    private List<int>[] GreedyBatch(int[][] prompts)
    {
        using var scope = NewDisposeScope();
        var rows = prompts.Length;
        var length = prompts[0].Length;
        var tokens = tensor(prompts.SelectMany(p => p).Select(t => (long)t).ToArray(), [rows, length], ScalarType.Int64);
        var outputs = Enumerable.Range(0, rows).Select(_ => new List<int>()).ToArray();
        var done = new bool[rows];
        for (var step = 0; step < MaxAnswerTokens && length + step < Shape.ContextLength; step++)
        {
            var hidden = Network.forward(tokens);
            var next = Network.Logits(hidden.select(1, -1)).argmax(-1);
            var values = next.data<long>().ToArray();
            for (var r = 0; r < rows; r++)
            {
                if (!done[r])
                {
                    if (values[r] == SpecialistTokenizer.Eos)
                    {
                        done[r] = true;
                    }
                    else
                    {
                        outputs[r].Add((int)values[r]);
                    }
                }
            }

            if (done.All(d => d))
            {
                break;
            }

            tokens = cat([tokens, next.unsqueeze(1)], 1);
        }

        return outputs;
    }

    private sealed record SavedSpecialist(LlamaShape Shape, TokenizerKind Tokenizer, string[] Pieces, int MaxAnswerTokens, TrainingSummary? Summary);
}
