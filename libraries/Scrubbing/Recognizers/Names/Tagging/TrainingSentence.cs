namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// A generated sentence, the tagged spans in it (offsets into <see cref="Text"/>, end exclusive), and the values of
/// other types it holds (e-mails, phones, dates), which the tagger ignores and a development set scores.
/// </summary>
internal sealed record TrainingSentence(string Text, IReadOnlyList<(int Start, int End, EntityTag Tag)> Spans)
{
    public IReadOnlyList<(int Start, int End, string Type)> OtherValues { get; init; } = [];

    /// <summary>The tag of each token: that of the span its first character lies in.</summary>
    public EntityTag[] TokenTags(List<Token> tokens)
    {
        var tags = new EntityTag[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var (start, end, tag) in Spans)
            {
                if (tokens[i].Start >= start && tokens[i].Start < end)
                {
                    tags[i] = tag;
                    break;
                }
            }
        }

        return tags;
    }
}
