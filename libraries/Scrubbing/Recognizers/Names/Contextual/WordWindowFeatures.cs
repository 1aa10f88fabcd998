namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>The word rows of a run of tokens, and a token's window over them, as the word-window model reads them.</summary>
internal static class WordWindowFeatures
{
    /// <summary>One row of <see cref="WordWindowModel.WordWidth"/> floats for each of the <paramref name="count"/>
    /// tokens from <paramref name="from"/> on.</summary>
    public static float[] WordRows(WordWindowModel model, string text, List<Token> tokens, int from, int count, bool lowerCaseText)
    {
        var width = model.WordWidth;
        var rows = new float[count * width];
        Span<int> pieces = stackalloc int[WordPieces.MaxPiecesPerWord];
        for (var t = 0; t < count; t++)
        {
            var row = rows.AsSpan(t * width, width);
            var pieceCount = WordPieces.Shared.Of(tokens[from + t].In(text), pieces);
            model.WordVector(pieces[..pieceCount], row);
            WordShape.Write(text, tokens, from + t, pieceCount, lowerCaseText, row[model.Dimension..]);
        }

        return rows;
    }

    /// <summary>The window of token <paramref name="t"/> of the run: the rows <see cref="WordWindowModel.Reach"/>
    /// either side, zeros where the run ends.</summary>
    public static void Window(WordWindowModel model, float[] rows, int t, Span<float> window)
    {
        var width = model.WordWidth;
        var count = rows.Length / width;
        window.Clear();
        for (var slot = 0; slot < WordWindowModel.Slots; slot++)
        {
            var at = t + slot - WordWindowModel.Reach;
            if (at >= 0 && at < count)
            {
                rows.AsSpan(at * width, width).CopyTo(window[(slot * width)..]);
            }
        }
    }
}
