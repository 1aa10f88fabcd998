namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The sparse features of one token for the tagger: the word and its neighbours, shapes, affixes, punctuation
/// around it, what the gazetteers say about it and its neighbours, and the tags already given to the two tokens
/// before it. Each feature is a hash; the perceptron folds them into a fixed table.
/// </summary>
internal static class FeatureExtractor
{
    public const int MaxFeatures = 160;

    // Flag features are numbered from these bases, one per flag bit and position.
    private const uint FlagsHere = 100;
    private const uint FlagsBefore = 140;
    private const uint FlagsAfter = 180;
    private const uint FlagsTwoBefore = 220;
    private const uint FlagsTwoAfter = 260;

    // The flags that say what kind of word this is, crossed with its shape.
    private const LexiconFlags Kinds = LexiconFlags.FirstName | LexiconFlags.LastName | LexiconFlags.InPlace | LexiconFlags.Common
        | LexiconFlags.StreetSuffix | LexiconFlags.SentenceStart;

    private static readonly uint Edge = FeatureHash.Lower("<edge>");

    /// <summary>Writes the features of token <paramref name="i"/> into <paramref name="features"/>; returns how many.</summary>
    public static int Extract(ReadOnlySpan<TokenInfo> infos, int i, EntityTag previous, EntityTag beforePrevious, Span<uint> features)
    {
        var n = 0;
        var here = infos[i];
        var before = i > 0 ? infos[i - 1] : default;
        var twoBefore = i > 1 ? infos[i - 2] : default;
        var after = i + 1 < infos.Length ? infos[i + 1] : default;
        var twoAfter = i + 2 < infos.Length ? infos[i + 2] : default;
        var wordBefore = i > 0 ? before.Word : Edge;
        var wordTwoBefore = i > 1 ? twoBefore.Word : Edge;
        var wordAfter = i + 1 < infos.Length ? after.Word : Edge;
        var wordTwoAfter = i + 2 < infos.Length ? twoAfter.Word : Edge;
        var gapAfter = i + 1 < infos.Length ? after.GapBefore : Edge;

        features[n++] = FeatureHash.Combine(1, 0);
        features[n++] = FeatureHash.Combine(2, here.Word);
        features[n++] = FeatureHash.Combine(3, wordBefore);
        features[n++] = FeatureHash.Combine(4, wordAfter);
        features[n++] = FeatureHash.Combine(5, wordTwoBefore);
        features[n++] = FeatureHash.Combine(6, wordTwoAfter);
        features[n++] = FeatureHash.Combine(7, wordTwoBefore, wordBefore);
        features[n++] = FeatureHash.Combine(8, wordAfter, wordTwoAfter);
        features[n++] = FeatureHash.Combine(9, here.Shape);
        features[n++] = FeatureHash.Combine(10, before.ShortShape);
        features[n++] = FeatureHash.Combine(11, after.ShortShape);
        features[n++] = FeatureHash.Combine(12, here.ShortShape, FeatureHash.Combine(0, before.ShortShape, after.ShortShape));
        features[n++] = FeatureHash.Combine(13, here.Prefix3);
        features[n++] = FeatureHash.Combine(14, here.Suffix2);
        features[n++] = FeatureHash.Combine(15, here.Suffix3);
        features[n++] = FeatureHash.Combine(16, here.Suffix4);
        features[n++] = FeatureHash.Combine(17, here.GapBefore);
        features[n++] = FeatureHash.Combine(18, gapAfter);
        features[n++] = FeatureHash.Combine(19, here.GapBefore, gapAfter);
        features[n++] = FeatureHash.Combine(20, wordBefore, here.ShortShape);
        features[n++] = FeatureHash.Combine(21, here.ShortShape, wordAfter);
        features[n++] = FeatureHash.Combine(22, (uint)(here.Flags & Kinds), here.ShortShape);
        features[n++] = FeatureHash.Combine(23, (uint)(here.Flags & Kinds), (uint)(before.Flags & Kinds));
        features[n++] = FeatureHash.Combine(24, (uint)(here.Flags & Kinds), (uint)(after.Flags & Kinds));
        features[n++] = FeatureHash.Combine(30, (uint)previous);
        features[n++] = FeatureHash.Combine(31, (uint)previous, (uint)beforePrevious);
        features[n++] = FeatureHash.Combine(32, (uint)previous, here.ShortShape);
        features[n++] = FeatureHash.Combine(33, (uint)previous, here.GapBefore);
        features[n++] = FeatureHash.Combine(34, (uint)previous, here.Word);
        features[n++] = FeatureHash.Combine(35, (uint)previous, (uint)(here.Flags & Kinds));
        n = AddFlags(FlagsHere, here.Flags, features, n);
        n = AddFlags(FlagsBefore, before.Flags, features, n);
        n = AddFlags(FlagsAfter, after.Flags, features, n);
        n = AddFlags(FlagsTwoBefore, twoBefore.Flags, features, n);
        n = AddFlags(FlagsTwoAfter, twoAfter.Flags, features, n);
        return n;
    }

    private static int AddFlags(uint template, LexiconFlags flags, Span<uint> features, int n)
    {
        var bits = (uint)flags;
        while (bits != 0)
        {
            var bit = (uint)System.Numerics.BitOperations.TrailingZeroCount(bits);
            features[n++] = FeatureHash.Combine(template + bit, 1);
            bits &= bits - 1;
        }

        return n;
    }
}
