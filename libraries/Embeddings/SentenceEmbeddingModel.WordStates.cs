namespace SlmPlatform.Embeddings;

/// <summary>Token states of pre-split words, for taggers that read each word in its context.</summary>
public sealed partial class SentenceEmbeddingModel
{
    /// <summary>
    /// Contextual vectors of words already split: the model reads them as one text and each word gets the token state
    /// of its first WordPiece (not normalised), <see cref="Dimensions"/> floats per word in <paramref name="destination"/>.
    /// Words past the model's window are read in further windows that overlap by a quarter, so each keeps context.
    /// </summary>
    public void WordStates(IReadOnlyList<string> words, Span<float> destination, int windowTokens = 128)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, words.Count * Dimensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowTokens, 8);
        var name = _tokenStatesName ?? throw new NotSupportedException($"The model {ModelId} gives no token states.");
        var pieces = new long[words.Count][];
        for (var w = 0; w < words.Count; w++)
        {
            pieces[w] = Pieces(words[w], windowTokens - 2);
        }

        var (cls, sep) = Specials();
        var written = 0;
        while (written < words.Count)
        {
            // A window reads a few words before the first it writes and after the last, so no word is read at an edge
            // of its window unless it is at an edge of the text.
            var first = Math.Max(0, written - ContextWords);
            var end = Fit(pieces, first, windowTokens);
            if (end <= written + ContextWords && end < words.Count)
            {
                first = written;
                end = Fit(pieces, first, windowTokens);
            }

            var keepTo = end == words.Count ? end : Math.Max(written + 1, end - ContextWords);
            var length = Math.Min(windowTokens, 2 + pieces.Skip(first).Take(end - first).Sum(p => p.Length));
            var ids = new long[length];
            var starts = new int[end - first];
            ids[0] = cls;
            var at = 1;
            for (var w = first; w < end; w++)
            {
                starts[w - first] = Math.Min(at, length - 2);
                var copied = Math.Max(0, Math.Min(pieces[w].Length, length - 1 - at));
                pieces[w].AsSpan(0, copied).CopyTo(ids.AsSpan(at));
                at += copied;
            }

            ids[length - 1] = sep;
            RunTokenStates(name, ids, starts.AsSpan(written - first, keepTo - written), destination[(written * Dimensions)..]);
            written = keepTo;
        }
    }

    private const int ContextWords = 8;

    // The end of the words from `first` that fit one window between [CLS] and [SEP]; at least one word.
    private static int Fit(long[][] pieces, int first, int windowTokens)
    {
        var end = first;
        var length = 2;
        while (end < pieces.Length && length + pieces[end].Length <= windowTokens)
        {
            length += pieces[end++].Length;
        }

        return Math.Max(end, first + 1);
    }

    private long[] Pieces(string word, int max)
    {
        var ids = new long[max + 2];
        var mask = new long[max + 2];
        lock (_tokenizerLock)
        {
            var count = _tokenizer.Encode(word, ids, mask);
            return count <= 2 ? [] : ids.AsSpan(1, count - 2).ToArray();
        }
    }

    private (long Cls, long Sep) Specials()
    {
        var ids = new long[2];
        var mask = new long[2];
        lock (_tokenizerLock)
        {
            _tokenizer.Encode(string.Empty, ids, mask);
        }

        return (ids[0], ids[1]);
    }

    private void RunTokenStates(string name, long[] ids, ReadOnlySpan<int> starts, Span<float> destination)
    {
        var mask = new long[ids.Length];
        mask.AsSpan().Fill(1);
        using var runOptions = new RunOptions();
        using var lease = Lease();
        using var outputs = Run(ids, mask, [1, ids.Length], name, runOptions);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        for (var w = 0; w < starts.Length; w++)
        {
            states.Slice(starts[w] * Dimensions, Dimensions).CopyTo(destination[(w * Dimensions)..]);
        }
    }
}
