namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds ICD-10 diagnosis codes ("E11.9", "J45") where they say something about a person: next to a clinical word
/// ("diagnosis", "dx", "ICD") or in a text that names a person.
/// </summary>
/// <remarks>
/// A code on its own ("see table C50") is not personal; tied to a patient it is health information. The person
/// check runs only when a code-shaped candidate is present, so ordinary text pays nothing for it.
/// </remarks>
public sealed partial class Icd10Recognizer : IRecognizer
{
    private const int ContextWindow = 40;
    private const double Score = 0.7;
    private readonly PersonRecognizer _people = new();

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasCapitalBeforeDigit(text))
        {
            return [];
        }

        var candidates = CodePattern().Matches(text);
        if (candidates.Count == 0)
        {
            return [];
        }

        bool? namesPerson = null;
        var found = new List<EntityMatch>();
        foreach (Match code in candidates)
        {
            var from = Math.Max(0, code.Index - ContextWindow);
            var to = Math.Min(text.Length, code.Index + code.Length + ContextWindow);
            var clinical = ClinicalContext().IsMatch(text.AsSpan(from, to - from));
            if (clinical || (code.ValueSpan.Contains('.') && (namesPerson ??= _people.Recognize(text).Any())))
            {
                found.Add(new EntityMatch(EntityTypes.Icd10Code, code.Index, code.Length, Score));
            }
        }

        return found;
    }

    // Every code starts with a capital and a digit; jumping between digits finds that pair faster than the regex.
    private static bool HasCapitalBeforeDigit(string text)
    {
        var digit = text.AsSpan(Math.Min(1, text.Length)).IndexOfAnyInRange('0', '9');
        while (digit >= 0)
        {
            var at = digit + 1;
            if (char.IsAsciiLetterUpper(text[at - 1]))
            {
                return true;
            }

            var next = text.AsSpan(at + 1).IndexOfAnyInRange('0', '9');
            digit = next < 0 ? -1 : at + next;
        }

        return false;
    }

    // A letter (U is reserved), two digits or a digit and A/B, then an optional dot and up to four characters.
    // Without clinical words the dot is required: "E11" alone is as often a postcode district or a model number.
    [GeneratedRegex(@"(?<![\w.-])[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?![\w-])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b(?:ICD(?:-?10)?(?:-CM)?|diagnos[ie]s|diagnosed|dx|condition|code[sd]?\s+for|billed\s+(?:as|under)|comorbidit(?:y|ies)|history\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ClinicalContext();
}
