namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Stable hashes for the tagger's sparse features. <see cref="string.GetHashCode()"/> is randomised per process,
/// and the tagger must give the same answer in every process, so FNV-1a with a murmur finaliser is used instead.
/// </summary>
internal static class FeatureHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The hash of <paramref name="value"/> lower-cased, without allocating.</summary>
    public static uint Lower(ReadOnlySpan<char> value)
    {
        var hash = Offset;
        foreach (var c in value)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return hash;
    }

    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Start => Offset;

    /// <summary>One feature: a template number joined to up to two value hashes.</summary>
    public static uint Combine(uint template, uint value, uint other = 0)
    {
        var hash = (template * 0x9E3779B1u) ^ value;
        hash = (hash ^ (hash >> 16)) * 0x85EBCA6Bu;
        hash ^= other * 0xC2B2AE35u;
        hash = (hash ^ (hash >> 13)) * 0xC2B2AE35u;
        return hash ^ (hash >> 16);
    }
}
