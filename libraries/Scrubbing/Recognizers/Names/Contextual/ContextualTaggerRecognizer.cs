using SlmPlatform.Embeddings;
using SlmPlatform.Scrubbing.Recognizers.Contextual;
using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds people, places, street addresses and organisations from context rather than from lists: tokens are read
/// through the MiniLM encoder the platform ships (the words around them in view) and a small trained head tags them
/// (docs/adr/0011). It catches names no list holds, in sentences no template had; tokens it is less than
/// <see cref="MinProbability"/> sure of are left to the other recognizers.
/// </summary>
/// <remarks>
/// The encoder costs milliseconds a sentence, so it runs after the other recognizers and reads only around what they
/// left: tokens that could be part of a name (a capital on a word that is not a common one, a digit, or any uncommon
/// word of lower-case chat) and that no other recognizer covered, with <see cref="ContextTokens"/> tokens either side.
/// </remarks>
public sealed class ContextualTaggerRecognizer : ISecondPassRecognizer
{
    // Chosen on the generated development sets (docs/scrubbing.md), never on the test set.
    internal const float MinProbability = 0.9f;
    internal const int ContextTokens = 8;

    private readonly bool _enabled;
    private readonly bool _everywhere;

    /// <summary>The tagger, or (<paramref name="enabled"/> false, as <c>Scrubbing:ContextualTagger</c> is by default)
    /// one that finds nothing and loads no model.</summary>
    public ContextualTaggerRecognizer(bool enabled = true)
        : this(enabled, everywhere: false)
    {
    }

    /// <summary>With <paramref name="everywhere"/>, the encoder reads every token of every text, whatever was found
    /// (what the quality harness sets the reading of what is left beside).</summary>
    internal ContextualTaggerRecognizer(bool enabled, bool everywhere) => (_enabled, _everywhere) = (enabled, everywhere);

    private static ContextualHead Head => ContextualModels.Head;

    private static SentenceEmbeddingModel Encoder => ContextualModels.Encoder;

    public IEnumerable<EntityMatch> Recognize(string text) => Recognize(text, []);

    public IEnumerable<EntityMatch> Recognize(string text, IReadOnlyList<EntityMatch> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        if (!_enabled || !text.Any(char.IsLetter))
        {
            return [];
        }

        var tokens = Tokens.Split(text);
        var lowerCaseText = !HasCapital(text);
        var lowerCaseProse = lowerCaseText && text.AsSpan().IndexOfAny(CodeMarks) < 0;
        var matches = new List<EntityMatch>();
        var windows = _everywhere ? [(0, tokens.Count)] : Windows(Left(text, tokens, found, lowerCaseProse));
        foreach (var (from, count) in windows)
        {
            Read(text, tokens, from, count, lowerCaseText, lowerCaseProse, matches);
        }

        // A value with a shape (a phone number, a card) is the structured recognizers' to type: a longer span of the
        // tagger's over it would win the overlap and hide what it is.
        matches.RemoveAll(m => found.Any(f => !IsNameType(f.EntityType) && f.Start < m.End && m.Start < f.End));
        return matches;
    }

    private static bool IsNameType(string type) =>
        type is EntityTypes.Person or EntityTypes.Location or EntityTypes.StreetAddress or EntityTypes.Organization;

    /// <summary>The tokens that could be part of a name and that no other recognizer covered.</summary>
    private static bool[] Left(string text, List<Token> tokens, IReadOnlyList<EntityMatch> found, bool lowerCaseProse)
    {
        var left = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var couldBeName = token.HasDigit(text)
                || ((char.IsUpper(text[token.Start]) || lowerCaseProse) && !CommonWords.Set.Contains(text, token));
            left[i] = couldBeName && !found.Any(m => m.Start < token.End && token.Start < m.End);
        }

        return left;
    }

    /// <summary>Runs of tokens to read: each token left with <see cref="ContextTokens"/> either side, overlapping runs joined.</summary>
    private static List<(int From, int Count)> Windows(bool[] left)
    {
        var windows = new List<(int From, int Count)>();
        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i])
            {
                continue;
            }

            var from = Math.Max(0, i - ContextTokens);
            var to = Math.Min(left.Length, i + ContextTokens + 1);
            if (windows.Count > 0 && from <= windows[^1].From + windows[^1].Count)
            {
                windows[^1] = (windows[^1].From, to - windows[^1].From);
            }
            else
            {
                windows.Add((from, to - from));
            }
        }

        return windows;
    }

    /// <summary>Tags a run of tokens and adds its spans.</summary>
    private static void Read(string text, List<Token> tokens, int from, int count, bool lowerCaseText, bool lowerCaseProse, List<EntityMatch> found)
    {
        var tags = Tag(text, tokens, from, count, lowerCaseText, out var probabilities);
        var i = 0;
        while (i < count)
        {
            if (EntityTags.ToEntityType(tags[i]) is not { } type)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < count && tags[end] == tags[i] && NameTaggerRecognizer.Joins(text, tokens[from + end - 1], tokens[from + end], tags[i]))
            {
                end++;
            }

            var first = tokens[from + i];
            var span = text.AsSpan(first.Start, tokens[from + end - 1].End - first.Start);
            if (HasCapital(span) || span.ContainsAnyInRange('0', '9') || lowerCaseProse)
            {
                found.Add(new EntityMatch(type, first.Start, span.Length, probabilities.AsSpan(i, end - i).ToArray().Average()));
            }

            i = end;
        }
    }

    // Names in lower case are taken only from chat typed all in lower case; in code and in text with capitals
    // elsewhere, a lower-case word is an identifier or a word, not a name.
    private static readonly System.Buffers.SearchValues<char> CodeMarks = System.Buffers.SearchValues.Create("(){}[]=;<>_/\\\"`");

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

    /// <summary>Each token's tag in the run (Outside where the head is unsure) and the head's probability for it.</summary>
    private static EntityTag[] Tag(string text, List<Token> tokens, int from, int count, bool lowerCaseText, out float[] probabilities)
    {
        var head = Head;
        var rows = ContextualFeatures.Compute(Encoder, text, tokens, from, count, lowerCaseText);
        var tags = new EntityTag[count];
        probabilities = new float[count];
        Span<float> hidden = stackalloc float[head.Hidden];
        Span<float> classes = stackalloc float[head.Classes];
        for (var t = 0; t < count; t++)
        {
            var best = head.Classify(rows.AsSpan(t * head.Width, head.Width), hidden, classes, out probabilities[t]);
            tags[t] = probabilities[t] >= MinProbability ? (EntityTag)best : EntityTag.Outside;
        }

        return tags;
    }
}
