using SlmPlatform.Embeddings;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// What the contextual tagger sees of each token: the encoder's states for it and for the tokens either side, read
/// with the whole text around them (the punctuation between tokens included), and the few facts of its shape that an
/// uncased encoder cannot see.
/// </summary>
internal static class ContextualFeatures
{
    public const int ShapeFeatures = 6;

    public static int Width(int dimensions) => (3 * dimensions) + ShapeFeatures;

    /// <summary>One row of <see cref="Width"/> floats per token of <paramref name="tokens"/>: its state, the previous
    /// token's, the next token's (zeros at the ends), then its shape.</summary>
    public static float[] Compute(SentenceEmbeddingModel encoder, string text, List<Token> tokens) =>
        Compute(encoder, text, tokens, 0, tokens.Count, lowerCaseText: !text.Any(char.IsUpper));

    /// <summary>
    /// The rows of <paramref name="count"/> tokens from <paramref name="from"/> on, read with only those tokens (and the
    /// punctuation between and beside them) in the encoder's view: the window's edges are the text's edges.
    /// <paramref name="lowerCaseText"/> says whether the whole text, not only the window, has no capital.
    /// </summary>
    public static float[] Compute(SentenceEmbeddingModel encoder, string text, List<Token> tokens, int from, int count, bool lowerCaseText)
    {
        var (words, tokenWord) = Words(text, tokens, from, count);
        var dims = encoder.Dimensions;
        var states = new float[words.Count * dims];
        if (words.Count > 0)
        {
            encoder.WordStates(words, states);
        }

        var width = Width(dims);
        var rows = new float[count * width];
        for (var t = 0; t < count; t++)
        {
            var row = rows.AsSpan(t * width, width);
            states.AsSpan(tokenWord[t] * dims, dims).CopyTo(row);
            if (t > 0)
            {
                states.AsSpan(tokenWord[t - 1] * dims, dims).CopyTo(row[dims..]);
            }

            if (t + 1 < count)
            {
                states.AsSpan(tokenWord[t + 1] * dims, dims).CopyTo(row[(2 * dims)..]);
            }

            var shape = row[(3 * dims)..];
            WordShape.WriteCase(text, tokens[from + t], lowerCaseText, shape);
            shape[5] = 1;
        }

        return rows;
    }

    // The tokens with the punctuation between them as words of their own: "Smith, of" reads as three words.
    private static (List<string> Words, int[] TokenWord) Words(string text, List<Token> tokens, int from, int count)
    {
        var words = new List<string>(count * 3 / 2);
        var tokenWord = new int[count];
        var previousEnd = from == 0 ? 0 : tokens[from - 1].End;
        for (var t = 0; t < count; t++)
        {
            var token = tokens[from + t];
            AddPunctuation(words, text.AsSpan(previousEnd, token.Start - previousEnd));
            tokenWord[t] = words.Count;
            words.Add(text.Substring(token.Start, token.Length));
            previousEnd = token.End;
        }

        var end = from + count < tokens.Count ? tokens[from + count].Start : text.Length;
        AddPunctuation(words, text.AsSpan(previousEnd, end - previousEnd));
        return (words, tokenWord);
    }

    private static void AddPunctuation(List<string> words, ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c))
            {
                words.Add(c.ToString());
            }
        }
    }
}
