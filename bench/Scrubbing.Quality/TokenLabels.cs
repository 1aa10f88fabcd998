namespace SlmPlatform.Scrubbing.Quality;

/// <summary>A word or number of a sentence with its gold and predicted labels.</summary>
internal readonly record struct LabelledToken(int Start, int End, string Gold, string Predicted);

internal static class TokenLabels
{
    /// <summary>
    /// Labels each run of letters or digits with the type of the span covering it (<see cref="EntityMapping.Outside"/>
    /// if none). Punctuation is not scored: whether a span takes the comma after a street is a matter of taste, not of
    /// privacy.
    /// </summary>
    public static List<LabelledToken> Label(string text, IReadOnlyList<(int Start, int End, string Type)> gold, IReadOnlyList<(int Start, int End, string Type)> predicted)
    {
        var tokens = new List<LabelledToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new LabelledToken(start, i, Find(gold, start, i), Find(predicted, start, i)));
        }

        return tokens;
    }

    private static string Find(IReadOnlyList<(int Start, int End, string Type)> spans, int start, int end)
    {
        foreach (var span in spans)
        {
            if (span.Start < end && start < span.End)
            {
                return span.Type;
            }
        }

        return EntityMapping.Outside;
    }
}
