namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// One path measured in one scenario. <see cref="Drain"/>: how long the capturing gateway stayed busy after the
/// window (spooling and publishing what the calls left); <see cref="AllInCpuPerCallMicroseconds"/>: a gateway's CPU
/// time from the warm-up's start to the end of that drain, over every call completed in that time — what one call
/// costs the gateway in all, capture included, whether paid inside the window or after it.
/// </summary>
internal sealed record PathResult(string Path, Measurement Measurement, TimeSpan? Drain, double? AllInCpuPerCallMicroseconds);

/// <summary>The paths a scenario measures, by name: the upstream direct, the peers, and this gateway three ways.</summary>
internal static class PathNames
{
    public const string Direct = "direct";
    public const string Yarp = "YARP relay";
    public const string Portkey = "Portkey gateway";
    public const string CaptureOff = "gateway, capture off";
    public const string CaptureOn = "gateway, capture on";
    public const string Routed = "gateway, capture on, routes for other tasks";
}

/// <summary>
/// One scenario (plain or streamed, at one concurrency) measured on every path back to back, the upstream called
/// directly first: each ratio compares figures taken moments apart on the same machine.
/// </summary>
internal sealed record ScenarioResult(bool Stream, int Concurrency, IReadOnlyList<PathResult> Paths)
{
    public string Name => $"{(Stream ? "stream (TTFT)" : "plain")}, c={Concurrency}";

    public PathResult Direct => Paths[0];

    public PathResult? Find(string path) => Paths.FirstOrDefault(p => p.Path == path);
}

/// <summary>Whether the captures of the calls made through the capturing gateway reached the broker.</summary>
internal sealed record CaptureAccount(long Calls, long? Published, TimeSpan Waited);

/// <summary>Every scenario of a run, and the conditions it ran in.</summary>
internal sealed record BenchmarkResults(
    IReadOnlyList<ScenarioResult> Scenarios,
    CaptureAccount Captures,
    string LoadAtStart,
    string LoadAtEnd,
    int RequestBytes,
    int CompletionBytes,
    int StreamEvents,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> Exits);
