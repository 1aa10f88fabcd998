namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Values of fields whose label names a person, place, organisation or address: JSON members printed in prompts
/// (<c>"customer_name": "…"</c>), keyword arguments (<c>city="…"</c>) and form lines (<c>Employer: …</c>). The value
/// is taken whole when it has the shape its label asks for (<see cref="FieldValues"/>), whatever words it holds, so a
/// name that no list has and no sentence surrounds is still found.
/// </summary>
public sealed partial class LabelledFieldRecognizer : IRecognizer
{
    internal const double Score = 0.7;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<EntityMatch>();

        // Each form needs its punctuation: most texts skip two of the three searches, many all of them.
        var colon = text.Contains(':', StringComparison.Ordinal);
        if (colon && text.AsSpan().IndexOfAny('"', '\'') >= 0)
        {
            Collect(QuotedMember().Matches(text), found);
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            Collect(KeywordArgument().Matches(text), found);
        }

        if (colon)
        {
            Collect(FormLine().Matches(text), found);
        }

        return found;
    }

    private static void Collect(MatchCollection matches, List<EntityMatch> found)
    {
        foreach (Match match in matches)
        {
            var key = match.Groups["key"];
            var value = match.Groups["value"];
            var type = FieldLabels.Classify(key.ValueSpan);
            if (type is null || !FieldValues.Fits(type, value.ValueSpan))
            {
                continue;
            }

            // The value without the blanks around it, as the other recognizers report theirs.
            var span = value.ValueSpan;
            var start = value.Index + (span.Length - span.TrimStart().Length);
            var length = span.Trim().Length;
            found.Add(new EntityMatch(type, start, length, Score));
        }
    }

    [GeneratedRegex(
        """["'](?<key>[A-Za-z_][A-Za-z0-9_ -]{0,40})["']\s*:\s*["'](?<value>[^"'\\\r\n]{1,120})["']""",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex QuotedMember();

    [GeneratedRegex(
        """(?<![\w.])(?<key>[A-Za-z_][A-Za-z0-9_]{0,40})\s*=\s*["'](?<value>[^"'\\\r\n]{1,120})["']""",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex KeywordArgument();

    // A label at the start of a line, up to four words, then the rest of the line.
    [GeneratedRegex(
        """^[ \t]*(?<key>[A-Za-z][A-Za-z_-]*(?:[ \t][A-Za-z][A-Za-z_-]*){0,3})[ \t]*:[ \t]*(?<value>[^\r\n]{1,120})$""",
        RegexOptions.CultureInvariant | RegexOptions.Multiline,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex FormLine();
}
