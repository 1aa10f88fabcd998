using SlmPlatform.Embeddings;
using SlmPlatform.Scrubbing.Recognizers.Contextual;
using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds people, places, street addresses and organisations from context rather than from lists: each token is read
/// through the MiniLM encoder the platform ships (the whole text around it in view) and a small trained head tags it
/// (docs/adr/0011). It catches names no list holds, in sentences no template had; tokens it is less than
/// <see cref="MinProbability"/> sure of are left to the other recognizers.
/// </summary>
public sealed class ContextualTaggerRecognizer : IRecognizer
{
    // Chosen on the generated development set (docs/scrubbing.md), never on the test set.
    internal const float MinProbability = 0.9f;

    private readonly bool _enabled;

    /// <summary>The tagger, or (<paramref name="enabled"/> false, as <c>Scrubbing:ContextualTagger</c> is by default)
    /// one that finds nothing and loads no model.</summary>
    public ContextualTaggerRecognizer(bool enabled = true) => _enabled = enabled;

    private static ContextualHead Head => ContextualModels.Head;

    private static SentenceEmbeddingModel Encoder => ContextualModels.Encoder;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        if (!_enabled || tokens.Count == 0 || !text.Any(char.IsLetter))
        {
            return [];
        }

        var tags = Tag(text, tokens, out var probabilities);
        var found = new List<EntityMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (EntityTags.ToEntityType(tags[i]) is not { } type)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && tags[end] == tags[i] && NameTaggerRecognizer.Joins(text, tokens[end - 1], tokens[end], tags[i]))
            {
                end++;
            }

            var score = probabilities.AsSpan(i, end - i).ToArray().Average();
            var span = text.AsSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start);
            if (HasCapital(span) || span.ContainsAnyInRange('0', '9') || IsLowerCaseProse(text))
            {
                found.Add(new EntityMatch(type, tokens[i].Start, span.Length, score));
            }

            i = end;
        }

        return found;
    }

    // Names in lower case are taken only from chat typed all in lower case; in code and in text with capitals
    // elsewhere, a lower-case word is an identifier or a word, not a name.
    private static readonly System.Buffers.SearchValues<char> CodeMarks = System.Buffers.SearchValues.Create("(){}[]=;<>_/\\\"`");

    private static bool IsLowerCaseProse(string text) => !HasCapital(text) && text.AsSpan().IndexOfAny(CodeMarks) < 0;

    private static bool HasCapital(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each token's tag (Outside where the head is unsure) and the head's probability for it.</summary>
    internal EntityTag[] Tag(string text, List<Token> tokens, out float[] probabilities)
    {
        var head = Head;
        var rows = ContextualFeatures.Compute(Encoder, text, tokens);
        var tags = new EntityTag[tokens.Count];
        probabilities = new float[tokens.Count];
        Span<float> hidden = stackalloc float[head.Hidden];
        Span<float> classes = stackalloc float[head.Classes];
        for (var t = 0; t < tokens.Count; t++)
        {
            var best = head.Classify(rows.AsSpan(t * head.Width, head.Width), hidden, classes, out probabilities[t]);
            tags[t] = probabilities[t] >= MinProbability ? (EntityTag)best : EntityTag.Outside;
        }

        return tags;
    }
}
