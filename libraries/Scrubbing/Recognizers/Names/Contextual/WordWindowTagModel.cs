using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// Tokens tagged by <see cref="WordWindowModel"/> from the words within its reach: microseconds a token, so it reads
/// only the tokens the rules left and their neighbours.
/// </summary>
internal sealed class WordWindowTagModel(Func<WordWindowModel> modelOf) : IContextualTagModel
{
    /// <summary>A tag model over <paramref name="trained"/> (the quality harness scores a model it has just trained).</summary>
    public WordWindowTagModel(WordWindowModel trained)
        : this(() => trained)
    {
    }

    /// <summary>The model shipped in the library, loaded at first use.</summary>
    public static WordWindowTagModel Instance { get; } = new(() => ContextualModels.WordWindow);

    // The words beside a token left by the rules are tagged too, so that "Bank of" joins the name after it; two
    // either side found no more on the development sets than one, and none left more names partly masked.
    public int TaggedAround => 1;

    // Chosen on the development sets against 0.7, 0.8 and 0.9 (docs/scrubbing.md): its confident mistakes are few, and
    // where it is unsure a name is likelier than not.
    public float MinProbability => 0.5f;

    public void Tag(string text, List<Token> tokens, int from, int count, bool lowerCaseText, Span<EntityTag> tags, Span<float> probabilities)
    {
        var model = modelOf();

        // The words each tagged token sees lie up to the model's reach beyond the run.
        var first = Math.Max(0, from - WordWindowModel.Reach);
        var end = Math.Min(tokens.Count, from + count + WordWindowModel.Reach);
        var rows = WordWindowFeatures.WordRows(model, text, tokens, first, end - first, lowerCaseText);
        var windows = new float[count * model.WindowWidth];
        for (var t = 0; t < count; t++)
        {
            WordWindowFeatures.Window(model, rows, from + t - first, windows.AsSpan(t * model.WindowWidth, model.WindowWidth));
        }

        var classes = count <= 128 ? stackalloc int[count] : new int[count];
        model.Classify(windows, count, classes, probabilities);
        for (var t = 0; t < count; t++)
        {
            tags[t] = (EntityTag)classes[t];
        }
    }
}
