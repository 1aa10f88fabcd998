using System.Text;

namespace SlmPlatform.Scrubbing;

/// <summary>Runs every recognizer over a text and replaces what they find.</summary>
/// <remarks>
/// A recognizer that throws (a regex timeout, say) fails the whole call: passing the text on half-scrubbed would be
/// worse than not passing it at all.
/// </remarks>
public sealed class TextScrubber(IEnumerable<IRecognizer> recognizers, IReplacementOperator replacementOperator)
{
    private readonly IRecognizer[] _recognizers = [.. recognizers];

    public ScrubbedText Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new ScrubbedText(text, []);
        }

        var matches = new List<EntityMatch>();
        foreach (var recognizer in _recognizers)
        {
            foreach (var match in recognizer.Recognize(text))
            {
                EnsureInside(match, text, recognizer);
                matches.Add(match);
            }
        }

        var entities = OverlapResolver.Resolve(matches);
        if (entities.Count == 0)
        {
            return new ScrubbedText(text, entities);
        }

        // Right to left, so the offsets of the entities still to replace stay valid.
        var builder = new StringBuilder(text);
        for (var i = entities.Count - 1; i >= 0; i--)
        {
            var entity = entities[i];
            var replacement = replacementOperator.Replace(entity, text.Substring(entity.Start, entity.Length));
            builder.Remove(entity.Start, entity.Length).Insert(entity.Start, replacement);
        }

        return new ScrubbedText(builder.ToString(), entities);
    }

    private static void EnsureInside(EntityMatch match, string text, IRecognizer recognizer)
    {
        if (match.Start < 0 || match.Length < 0 || match.End > text.Length)
        {
            throw new InvalidOperationException(
                $"{recognizer.GetType().Name} returned a span ({match.Start}, {match.Length}) outside a text of length {text.Length}.");
        }
    }
}
