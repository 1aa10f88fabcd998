namespace SlmPlatform.Gateway.Routing;

/// <summary>Where specialists answer, and how long the gateway waits for one before asking the teacher instead.</summary>
public sealed class SpecialistRoutingOptions
{
    public const string SectionName = "Gateway:Specialists";

    /// <summary>The serving service's OpenAI-compatible base (its <c>/v1</c> is appended).</summary>
    public Uri ServingUrl { get; set; } = new("http://serving");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
