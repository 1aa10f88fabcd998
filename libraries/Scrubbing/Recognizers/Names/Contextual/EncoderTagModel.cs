using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// Tokens read through the MiniLM encoder with the words around them in view, tagged by a head trained on its
/// states (<see cref="ContextualHead"/>): milliseconds of CPU a sentence.
/// </summary>
internal sealed class EncoderTagModel : IContextualTagModel
{
    public static EncoderTagModel Instance { get; } = new();

    // The run read is the encoder's view: the words it tags are read with this many either side.
    public int TaggedAround => 8;

    public float MinProbability => 0.9f;

    public void Tag(string text, List<Token> tokens, int from, int count, bool lowerCaseText, Span<EntityTag> tags, Span<float> probabilities)
    {
        var head = ContextualModels.Head;
        var rows = ContextualFeatures.Compute(ContextualModels.Encoder, text, tokens, from, count, lowerCaseText);
        Span<float> hidden = stackalloc float[head.Hidden];
        Span<float> classes = stackalloc float[head.Classes];
        for (var t = 0; t < count; t++)
        {
            tags[t] = (EntityTag)head.Classify(rows.AsSpan(t * head.Width, head.Width), hidden, classes, out probabilities[t]);
        }
    }
}
