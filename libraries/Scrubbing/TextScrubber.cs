using System.Text;

namespace SlmPlatform.Scrubbing;

/// <summary>Runs every recognizer over a text and replaces what they find.</summary>
/// <remarks>
/// A recognizer that throws (a regex timeout, say) fails the whole call: passing the text on half-scrubbed would be
/// worse than not passing it at all.
/// </remarks>
public sealed partial class TextScrubber(IEnumerable<IRecognizer> recognizers, IReplacementOperator replacementOperator)
{
    private readonly (IRecognizer[] First, ISecondPassRecognizer[] Second) _passes = SplitPasses(recognizers);

    /// <summary>Scrubs with the operator this scrubber was built with.</summary>
    public ScrubbedText Scrub(string text) => Scrub(text, replacementOperator);

    /// <summary>The operator this scrubber was built with.</summary>
    internal IReplacementOperator Operator => replacementOperator;

    /// <summary>Scrubs with another operator, such as one document's <see cref="ScrubOperator"/> policy.</summary>
    public ScrubbedText Scrub(string text, IReplacementOperator replacement) => Scrub(text, replacement, hint: null);

    /// <summary>
    /// Scrubs with one more match found outside the text, such as a JSON value's whole text when its property's
    /// name says what it is (<see cref="Recognizers.FieldLabels"/>).
    /// </summary>
    internal ScrubbedText Scrub(string text, IReplacementOperator replacement, EntityMatch? hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replacement);
        if (text.Length == 0)
        {
            return new ScrubbedText(text, [], []);
        }

        var matches = new List<EntityMatch>();
        if (hint is not null)
        {
            EnsureInside(hint, text, recognizer: null);
            matches.Add(hint);
        }

        try
        {
            foreach (var recognizer in _passes.First)
            {
                foreach (var match in recognizer.Recognize(text))
                {
                    EnsureInside(match, text, recognizer);
                    matches.Add(match);
                }
            }

            // Each second pass sees the first pass's matches alone; theirs join after all have run.
            List<EntityMatch>? secondPassMatches = null;
            foreach (var recognizer in _passes.Second)
            {
                foreach (var match in recognizer.Recognize(text, matches))
                {
                    EnsureInside(match, text, recognizer);
                    (secondPassMatches ??= []).Add(match);
                }
            }

            if (secondPassMatches is not null)
            {
                matches.AddRange(secondPassMatches);
            }
        }
        finally
        {
            Recognizers.RecentText.Forget();
        }

        var entities = Recognizers.PersonSpanWidening.Widen(text, OverlapResolver.Resolve(WithoutPlaceholders(text, matches)));
        if (entities.Count == 0)
        {
            return new ScrubbedText(text, entities, []);
        }

        // Left to right, copying the text between entities: linear in the text's length.
        var builder = new StringBuilder(text.Length + 16);
        var replaced = new ReplacedSpan[entities.Count];
        var copied = 0;
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            builder.Append(text, copied, entity.Start - copied);
            var standIn = replacement.Replace(entity, text.Substring(entity.Start, entity.Length));
            replaced[i] = new ReplacedSpan(entity.EntityType, builder.Length, standIn.Length);
            builder.Append(standIn);
            copied = entity.End;
        }

        builder.Append(text, copied, text.Length - copied);
        return new ScrubbedText(builder.ToString(), entities, replaced);
    }

    private static (IRecognizer[] First, ISecondPassRecognizer[] Second) SplitPasses(IEnumerable<IRecognizer> recognizers)
    {
        IRecognizer[] all = [.. recognizers];
        return ([.. all.Where(r => r is not ISecondPassRecognizer)], [.. all.OfType<ISecondPassRecognizer>()]);
    }

    private static void EnsureInside(EntityMatch match, string text, IRecognizer? recognizer)
    {
        if (match.Start < 0 || match.Length < 0 || match.End > text.Length)
        {
            throw new InvalidOperationException(
                $"{recognizer?.GetType().Name ?? "A hint"} returned a span ({match.Start}, {match.Length}) outside a text of length {text.Length}.");
        }
    }

    // A placeholder left by an earlier pass ("<US_SSN_1>") is not a value: "US" in it is no country. Dropping
    // matches inside placeholders makes scrubbing with placeholders idempotent.
    private static List<EntityMatch> WithoutPlaceholders(string text, List<EntityMatch> matches)
    {
        if (matches.Count == 0 || !text.Contains('<', StringComparison.Ordinal))
        {
            return matches;
        }

        var placeholders = PlaceholderPattern().Matches(text);
        if (placeholders.Count == 0)
        {
            return matches;
        }

        return matches.FindAll(m => !placeholders.Any(p => m.Start >= p.Index && m.End <= p.Index + p.Length));
    }

    [GeneratedRegex(@"<[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*>", RegexOptions.CultureInvariant, Recognizers.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceholderPattern();
}
