using SlmPlatform.Scrubbing.Recognizers.Contextual;
using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds people, places, street addresses and organisations from context rather than from lists: a trained model
/// reads each token with the words around it (docs/adr/0011) — by default the word-window network over MiniLM's
/// piece embeddings (<see cref="ContextualTaggerModel.WordWindow"/>), or the MiniLM encoder itself with a head on its
/// states (<see cref="ContextualTaggerModel.Encoder"/>). It catches names no list holds, in sentences no template
/// had; tags the model is unsure of are left to the other recognizers.
/// </summary>
/// <remarks>
/// It runs after the other recognizers and reads only around what they left: tokens that could be part of a name (a
/// capital on a word that is not a common one, a digit, or any uncommon word of lower-case chat) that no other
/// recognizer covered, with the model's <see cref="IContextualTagModel.TaggedAround"/> tokens either side.
/// </remarks>
public sealed class ContextualTaggerRecognizer : ISecondPassRecognizer
{
    private readonly bool _enabled;
    private readonly bool _everywhere;
    private readonly IContextualTagModel _model;

    /// <summary>The tagger with <paramref name="model"/>, or (<paramref name="enabled"/> false) one that finds nothing
    /// and loads no model.</summary>
    public ContextualTaggerRecognizer(bool enabled = true, ContextualTaggerModel model = ContextualTaggerModel.WordWindow)
        : this(enabled, model, everywhere: false)
    {
    }

    /// <summary>With <paramref name="everywhere"/>, the model reads every token of every text, whatever was found
    /// (what the quality harness sets the reading of what is left beside).</summary>
    internal ContextualTaggerRecognizer(bool enabled, ContextualTaggerModel model, bool everywhere)
    {
        (_enabled, _everywhere, Model) = (enabled, everywhere, model);
        _model = model switch
        {
            ContextualTaggerModel.WordWindow => WordWindowTagModel.Instance,
            ContextualTaggerModel.Encoder => EncoderTagModel.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Not a contextual tagger model."),
        };
    }

    internal ContextualTaggerModel Model { get; }

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
        var placeholders = Placeholders.Covering(text, tokens);
        var windows = _everywhere ? [(0, tokens.Count)] : Runs(Left(text, tokens, found, lowerCaseProse, placeholders), _model.TaggedAround);
        foreach (var (from, count) in windows)
        {
            Read(text, tokens, from, count, lowerCaseText, lowerCaseProse, placeholders, matches);
        }

        // A value with a shape (a phone number, a card) is the structured recognizers' to type: a longer span of the
        // tagger's over it would win the overlap and hide what it is.
        matches.RemoveAll(m => found.Any(f => !IsNameType(f.EntityType) && f.Start < m.End && m.Start < f.End));
        return matches;
    }

    private static bool IsNameType(string type) =>
        type is EntityTypes.Person or EntityTypes.Location or EntityTypes.StreetAddress or EntityTypes.Organization;

    /// <summary>The tokens that could be part of a name and that no other recognizer covered.</summary>
    private static bool[] Left(string text, List<Token> tokens, IReadOnlyList<EntityMatch> found, bool lowerCaseProse, bool[] placeholders)
    {
        var left = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var couldBeName = token.HasDigit(text)
                || ((char.IsUpper(text[token.Start]) || lowerCaseProse) && !CommonWords.Set.Contains(text, token));
            left[i] = couldBeName && !placeholders[i] && !found.Any(m => m.Start < token.End && token.Start < m.End);
        }

        return left;
    }

    /// <summary>Runs of tokens to tag: each token left with <paramref name="around"/> either side, overlapping runs joined.</summary>
    private static List<(int From, int Count)> Runs(bool[] left, int around)
    {
        var runs = new List<(int From, int Count)>();
        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i])
            {
                continue;
            }

            var from = Math.Max(0, i - around);
            var to = Math.Min(left.Length, i + around + 1);
            if (runs.Count > 0 && from <= runs[^1].From + runs[^1].Count)
            {
                runs[^1] = (runs[^1].From, to - runs[^1].From);
            }
            else
            {
                runs.Add((from, to - from));
            }
        }

        return runs;
    }

    /// <summary>Tags a run of tokens and adds its spans.</summary>
    private void Read(string text, List<Token> tokens, int from, int count, bool lowerCaseText, bool lowerCaseProse, bool[] placeholders, List<EntityMatch> found)
    {
        var tags = new EntityTag[count];
        var probabilities = new float[count];
        _model.Tag(text, tokens, from, count, lowerCaseText, tags, probabilities);
        for (var t = 0; t < count; t++)
        {
            if (probabilities[t] < _model.MinProbability || placeholders[from + t])
            {
                tags[t] = EntityTag.Outside;
            }
        }

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
            var isFalseAlarm = NameFalseAlarms.IsFalseAlarm(text, tokens, from + i, from + end);
            if (!isFalseAlarm && (HasCapital(span) || span.ContainsAnyInRange('0', '9') || lowerCaseProse))
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
}
