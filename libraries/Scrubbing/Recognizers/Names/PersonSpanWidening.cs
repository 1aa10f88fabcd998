namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Widens each person span over the capitalised words right beside it ("with Oluwaseun Adeyemi-Okafor" found as
/// "Adeyemi-Okafor"): half a name left in the text still names the person, so masking one word too many is the
/// cheaper mistake. Common words ("Dear", "Unfortunately") and the words of other entities stay outside.
/// </summary>
internal static class PersonSpanWidening
{
    private const int MaxWordsEachSide = 2;

    public static IReadOnlyList<EntityMatch> Widen(string text, IReadOnlyList<EntityMatch> entities)
    {
        List<EntityMatch>? widened = null;
        for (var k = 0; k < entities.Count; k++)
        {
            var entity = entities[k];
            if (entity.EntityType != EntityTypes.Person)
            {
                continue;
            }

            // The previous entity as widened already: two people a gap apart may both reach into it, never past each other.
            var floor = k > 0 ? (widened ?? entities)[k - 1].End : 0;
            var ceiling = k + 1 < entities.Count ? entities[k + 1].Start : text.Length;
            var start = entity.Start;
            var end = entity.End;
            for (var n = 0; n < MaxWordsEachSide && WordBefore(text, start, floor) is { } before; n++)
            {
                start = before;
            }

            for (var n = 0; n < MaxWordsEachSide && WordAfter(text, end, ceiling) is { } after; n++)
            {
                end = after;
            }

            if (start != entity.Start || end != entity.End)
            {
                widened ??= [.. entities];
                widened[k] = entity with { Start = start, Length = end - start };
            }
        }

        return widened ?? entities;
    }

    /// <summary>The start of a name-like word that ends one space before <paramref name="position"/>.</summary>
    private static int? WordBefore(string text, int position, int floor)
    {
        if (position - 2 < floor || text[position - 1] != ' ' || !char.IsLetter(text[position - 2]))
        {
            return null;
        }

        var start = position - 2;
        while (start > floor && IsNamePart(text[start - 1]))
        {
            start--;
        }

        return IsNameWord(text, start, position - 1) ? start : null;
    }

    /// <summary>The end of a name-like word that starts one space after <paramref name="position"/>.</summary>
    private static int? WordAfter(string text, int position, int ceiling)
    {
        if (position + 1 >= ceiling || text[position] != ' ' || !char.IsLetter(text[position + 1]))
        {
            return null;
        }

        var end = position + 1;
        while (end < ceiling && IsNamePart(text[end]))
        {
            end++;
        }

        // A possessive or a hyphen at the end belongs to the sentence, not to the name.
        while (end > position + 1 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        return IsNameWord(text, position + 1, end) ? end : null;
    }

    private static bool IsNamePart(char c) => char.IsLetter(c) || c is '-' or '\'' or '’';

    private static bool IsNameWord(string text, int start, int end) =>
        end - start >= 2
        && char.IsUpper(text[start])
        && text.AsSpan(start + 1, end - start - 1).ContainsAnyExceptInRange('A', 'Z')
        && !CommonWords.Set.Contains(text.AsSpan(start, end - start))
        && (start == 0 || !char.IsLetterOrDigit(text[start - 1]));
}
