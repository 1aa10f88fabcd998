namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>The typed placeholders an earlier scrub left (<c>&lt;PERSON_1&gt;</c>, <c>&lt;CREDENTIAL&gt;</c>):
/// text already scrubbed must come out of a second scrub unchanged, so no tag may fall on them.</summary>
internal static partial class Placeholders
{
    /// <summary>For each token, whether it lies inside a placeholder.</summary>
    public static bool[] Covering(string text, List<Token> tokens)
    {
        var covered = new bool[tokens.Count];
        if (!text.Contains('<'))
        {
            return covered;
        }

        foreach (var match in Pattern().EnumerateMatches(text))
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                covered[i] |= tokens[i].Start >= match.Index && tokens[i].End <= match.Index + match.Length;
            }
        }

        return covered;
    }

    [GeneratedRegex(@"<[A-Z][A-Z0-9_]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
