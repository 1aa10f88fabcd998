namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>The services that keep data derived from calls and report each erasure (<c>Erasure:Services</c>).</summary>
public sealed class ErasureOptions
{
    public const string SectionName = "Erasure";

    private static readonly string[] Defaults = ["tasks", "training", "serving"];

    /// <summary>Set, it replaces the defaults (a bound list would be added to them).</summary>
    public string[]? Services { get; set; }

    public IReadOnlyList<string> Reporting => Services ?? Defaults;
}
