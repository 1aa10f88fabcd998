namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Which side of the generated corpus a template belongs to. The tagger trains only on <see cref="Train"/>; the
/// quality harness measures on <see cref="Development"/>, whose sentence shapes the tagger has never seen, so that
/// fitting the templates shows up as a gap.
/// </summary>
internal enum CorpusSplit
{
    Train,
    Development,
}

internal static class CorpusSplits
{
    // One template in five is held out. The hash of the template's own text decides, so adding or removing a
    // template never moves another across the split.
    private const uint DevelopmentShare = 5;

    public static CorpusSplit Of(string template)
    {
        var hash = 2166136261u;
        foreach (var c in template)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % DevelopmentShare == 0 ? CorpusSplit.Development : CorpusSplit.Train;
    }
}
