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
    public static float[] Compute(SentenceEmbeddingModel encoder, string text, List<Token> tokens)
    {
        var (words, tokenWord) = Words(text, tokens);
        var dims = encoder.Dimensions;
        var states = new float[words.Count * dims];
        if (words.Count > 0)
        {
            encoder.WordStates(words, states);
        }

        var width = Width(dims);
        var rows = new float[tokens.Count * width];
        var lowerCaseText = !text.Any(char.IsUpper);
        for (var t = 0; t < tokens.Count; t++)
        {
            var row = rows.AsSpan(t * width, width);
            states.AsSpan(tokenWord[t] * dims, dims).CopyTo(row);
            if (t > 0)
            {
                states.AsSpan(tokenWord[t - 1] * dims, dims).CopyTo(row[dims..]);
            }

            if (t + 1 < tokens.Count)
            {
                states.AsSpan(tokenWord[t + 1] * dims, dims).CopyTo(row[(2 * dims)..]);
            }

            var token = text.AsSpan(tokens[t].Start, tokens[t].Length);
            var shape = row[(3 * dims)..];
            shape[0] = char.IsUpper(token[0]) ? 1 : 0;
            shape[1] = token.Length > 1 && !token.ContainsAnyExcept(UpperOrDigit) ? 1 : 0;
            shape[2] = token.ContainsAny(Digits) ? 1 : 0;
            shape[3] = Tokens.StartsSentence(text, tokens[t]) ? 1 : 0;
            shape[4] = lowerCaseText ? 1 : 0;
            shape[5] = 1;
        }

        return rows;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private static readonly System.Buffers.SearchValues<char> UpperOrDigit = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.'");

    // The tokens with the punctuation between them as words of their own: "Smith, of" reads as three words.
    private static (List<string> Words, int[] TokenWord) Words(string text, List<Token> tokens)
    {
        var words = new List<string>(tokens.Count * 3 / 2);
        var tokenWord = new int[tokens.Count];
        var previousEnd = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var c in text.AsSpan(previousEnd, tokens[t].Start - previousEnd))
            {
                if (!char.IsWhiteSpace(c))
                {
                    words.Add(c.ToString());
                }
            }

            tokenWord[t] = words.Count;
            words.Add(text.Substring(tokens[t].Start, tokens[t].Length));
            previousEnd = tokens[t].End;
        }

        foreach (var c in text.AsSpan(previousEnd))
        {
            if (!char.IsWhiteSpace(c))
            {
                words.Add(c.ToString());
            }
        }

        return (words, tokenWord);
    }
}
