using System.Runtime.CompilerServices;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// A path to measure: whom to call, with which key and headers, whether it is a proxy (whose CPU is counted and
/// which is started again if it exits) and one that captures; and how many calls it has completed in all, warm-ups
/// and checks included.
/// </summary>
internal sealed record Target(string Name, string Bearer, ServiceHost Host, bool IsProxy, bool Captures = false)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Another team's proxy, measured for comparison: a mode it fails is reported and left out.</summary>
    public bool IsPeer { get; init; }

    /// <summary>The modes (streamed or not) this path failed in the check, and is not measured in.</summary>
    public HashSet<bool> FailedModes { get; } = [];

    public StrongBox<long> Calls { get; } = new(0);
}
