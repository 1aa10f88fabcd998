namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Deterministic seed mixing (SplitMix64). <see cref="HashCode.Combine{T1, T2}"/> is randomised per process, so a
/// split or a shuffle derived from it would differ after a restart; these do not.
/// </summary>
public static class Seeds
{
    public static int Mix(params ReadOnlySpan<long> parts)
    {
        var z = 0x5EED5EEDUL;
        foreach (var part in parts)
        {
            z = SplitMix(z ^ (ulong)part);
        }

        return (int)(z & 0x7FFFFFFF);
    }

    public static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
