using System.Text;
using FastBertTokenizer;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>A batch of texts as the encoder takes them: token ids and the mask of real tokens, [batch, time].</summary>
internal sealed record TokenBatch(Tensor Tokens, Tensor Mask) : IDisposable
{
    public void Dispose()
    {
        Tokens.Dispose();
        Mask.Dispose();
    }
}

/// <summary>A BERT WordPiece vocabulary (lower-cased; MiniLM's own), cutting texts exactly as the ONNX embedding model does,
/// [CLS] and [SEP] included, at most <see cref="MaxTokens"/> tokens each.</summary>
internal sealed class WordPieceTokens
{
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _gate = new();

    public WordPieceTokens(byte[] vocabulary, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        MaxTokens = maxTokens;
        using var reader = new StreamReader(new MemoryStream(vocabulary), Encoding.UTF8);
        _tokenizer.LoadVocabulary(reader, true);
    }

    public int MaxTokens { get; }

    public long[] Encode(string text)
    {
        var ids = new long[MaxTokens];
        var mask = new long[MaxTokens];
        lock (_gate)
        {
            return ids.AsSpan(0, _tokenizer.Encode(text, ids, mask)).ToArray();
        }
    }

    /// <summary>Pads the rows to the longest of them.</summary>
    public static TokenBatch Batch(IReadOnlyList<long[]> rows)
    {
        var length = Math.Max(1, rows.Max(r => r.Length));
        var ids = new long[rows.Count * length];
        var mask = new long[rows.Count * length];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(ids.AsSpan(r * length));
            mask.AsSpan(r * length, rows[r].Length).Fill(1);
        }

        return new TokenBatch(tensor(ids).view(rows.Count, length), tensor(mask).view(rows.Count, length));
    }
}
