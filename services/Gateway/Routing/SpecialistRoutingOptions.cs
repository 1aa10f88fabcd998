using System.ComponentModel.DataAnnotations;

namespace SlmPlatform.Gateway.Routing;

/// <summary>Where specialists answer, how long the gateway waits for one, and how much comparison work runs behind the calls.</summary>
public sealed class SpecialistRoutingOptions
{
    public const string SectionName = "Gateway:Specialists";

    /// <summary>The serving service's OpenAI-compatible base (its <c>/v1</c> is appended).</summary>
    public Uri ServingUrl { get; set; } = new("http://serving");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Background questions (shadow specialists, sampled teachers) in flight at once per gateway; beyond it a call is
    /// not compared (and is counted) rather than queue work that would fall further and further behind the traffic.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxBackgroundRequests { get; set; } = 32;

    /// <summary>How often the routing ledger's counts are published to task discovery (savings, promotion).</summary>
    public TimeSpan TallyInterval { get; set; } = TimeSpan.FromSeconds(5);
}
