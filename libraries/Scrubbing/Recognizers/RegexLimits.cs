namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Shared match timeout for the recognizers' regexes.</summary>
internal static class RegexLimits
{
    // Generous because the build and CI machines are small and shared; the patterns are linear in practice and
    // the timeout only guards against a pathological input.
    public const int TimeoutMilliseconds = 2000;
}
