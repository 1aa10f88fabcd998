namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds values that only mean something after a label: "MRN: 00123456", "passport no. X12345678", "DOB 03/05/1980".
/// The label is found first, then the value in the few characters after it, so a run of digits elsewhere in the text
/// is never flagged.
/// </summary>
/// <param name="entityType">The type reported.</param>
/// <param name="label">The context words, case-insensitive.</param>
/// <param name="cues">Words one of which every match of <paramref name="label"/> contains, looked for first (SIMD) so
/// that a text without any skips the label's regex.</param>
/// <param name="value">The value's shape; the first match after the label counts.</param>
/// <param name="window">How many characters after the label the value may start.</param>
/// <param name="score">The score reported.</param>
/// <param name="isValid">A check of the value (a checksum, a digit count); null accepts every match.</param>
public sealed class ContextualValueRecognizer(
    string entityType,
    Regex label,
    Cues cues,
    Regex value,
    int window,
    double score,
    Func<string, bool>? isValid = null) : IRecognizer
{
    public string EntityType => entityType;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<EntityMatch>();
        if (!TextProbe.ContainsAny(text, cues))
        {
            return found;
        }

        var searchedTo = 0;
        foreach (Match context in label.Matches(text))
        {
            var from = Math.Max(context.Index + context.Length, searchedTo);
            var to = Math.Min(text.Length, context.Index + context.Length + window);
            if (from >= to)
            {
                continue;
            }

            // The value must start inside the window; it may run past it.
            var candidate = value.Match(text, from);
            while (candidate.Success && candidate.Index < to)
            {
                if (isValid is null || isValid(candidate.Value))
                {
                    found.Add(new EntityMatch(entityType, candidate.Index, candidate.Length, score));
                    searchedTo = candidate.Index + candidate.Length;
                    break;
                }

                candidate = candidate.NextMatch();
            }
        }

        return found;
    }
}
