using LLama;
using LLama.Native;

namespace SlmPlatform.Specialists.Generative;

/// <summary>Turns a <see cref="GenerativeSpecialistModel"/> into a GGUF with the metadata llama.cpp's llama
/// architecture needs, a SentencePiece-style vocabulary (token types included, so byte tokens print as bytes), and
/// the specialist's own tokenizer under <c>slm.*</c> keys for <see cref="GgufSpecialist"/>.</summary>
internal static class GgufExporter
{
    internal const string KindKey = "slm.tokenizer.kind";
    internal const string PiecesKey = "slm.tokenizer.pieces";
    internal const string MaxAnswerKey = "slm.max_answer_tokens";

    private const int TokenNormal = 1;
    private const int TokenUnknown = 2;
    private const int TokenControl = 3;
    private const int TokenByte = 6;

    public static void Export(GenerativeSpecialistModel model, string path, GgufQuantization quantization)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        if (quantization == GgufQuantization.F32)
        {
            WriteF32(model, path);
            return;
        }

        var f32 = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.f32.tmp");
        try
        {
            WriteF32(model, f32);
            LlamaNativeLog.EnsureConfigured();
            NativeApi.llama_empty_call(); // loads llama.cpp's native library before the quantiser is called
            if (!LLamaQuantizer.Quantize(f32, path, LLamaFtype.MOSTLY_Q8_0, Environment.ProcessorCount, allowRequantize: false))
            {
                throw new InvalidOperationException($"llama.cpp could not quantise {path} to Q8_0.");
            }
        }
        finally
        {
            File.Delete(f32);
        }
    }

    private static void WriteF32(GenerativeSpecialistModel model, string path)
    {
        var shape = model.Shape;
        var tokenizer = model.Tokenizer;
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "llama");
        gguf.Add("general.name", "slm-generative-specialist");
        gguf.Add("general.file_type", 0u);
        gguf.Add("llama.vocab_size", (uint)shape.VocabularySize);
        gguf.Add("llama.context_length", (uint)shape.ContextLength);
        gguf.Add("llama.embedding_length", (uint)shape.Dimension);
        gguf.Add("llama.block_count", (uint)shape.Layers);
        gguf.Add("llama.feed_forward_length", (uint)shape.FeedForward);
        gguf.Add("llama.attention.head_count", (uint)shape.Heads);
        gguf.Add("llama.attention.head_count_kv", (uint)shape.Heads);
        gguf.Add("llama.attention.layer_norm_rms_epsilon", shape.NormEpsilon);
        gguf.Add("llama.rope.freq_base", shape.RopeBase);
        gguf.Add("llama.rope.dimension_count", (uint)shape.HeadDimension);

        var count = tokenizer.VocabularySize;
        gguf.Add("tokenizer.ggml.model", "llama");
        gguf.Add("tokenizer.ggml.tokens", [.. Enumerable.Range(0, count).Select(tokenizer.GgufText)]);
        gguf.Add("tokenizer.ggml.scores", [.. Enumerable.Range(0, count).Select(i => i < SpecialistTokenizer.FirstPiece ? 0f : -(float)i)]);
        gguf.Add("tokenizer.ggml.token_type", [.. Enumerable.Range(0, count).Select(TokenType)]);
        gguf.Add("tokenizer.ggml.bos_token_id", (uint)SpecialistTokenizer.Bos);
        gguf.Add("tokenizer.ggml.eos_token_id", (uint)SpecialistTokenizer.Eos);
        gguf.Add("tokenizer.ggml.unknown_token_id", (uint)SpecialistTokenizer.Unknown);
        gguf.Add("tokenizer.ggml.padding_token_id", (uint)SpecialistTokenizer.Pad);
        gguf.Add("tokenizer.ggml.add_bos_token", true);
        gguf.Add("tokenizer.ggml.add_eos_token", false);
        gguf.Add("tokenizer.ggml.add_space_prefix", false);
        gguf.Add(KindKey, tokenizer.Kind.ToString());
        gguf.Add(PiecesKey, tokenizer.Pieces);
        gguf.Add(MaxAnswerKey, (uint)model.MaxAnswerTokens);

        foreach (var (name, parameter) in model.Network.named_parameters())
        {
            using var data = parameter.detach().contiguous();
            gguf.AddTensor(name, data.shape, data.data<float>().ToArray());
        }

        gguf.Write(path);
    }

    private static int TokenType(int id) => id switch
    {
        SpecialistTokenizer.Unknown => TokenUnknown,
        < SpecialistTokenizer.FirstByte => TokenControl,
        < SpecialistTokenizer.FirstPiece => TokenByte,
        _ => TokenNormal,
    };
}
