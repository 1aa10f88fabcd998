using System.Diagnostics.Metrics;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Calls answered by specialists, those that fell back to the teacher (by reason), and the background comparisons with
/// the teacher: made (agreeing or not), not made because too many were running, and failed.
/// </summary>
public sealed class RoutingMetrics : IDisposable
{
    public const string MeterName = "SlmPlatform.Gateway.Routing";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _answered;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _comparisons;
    private readonly Counter<long> _comparisonsSkipped;
    private readonly Counter<long> _comparisonsFailed;
    private readonly Counter<long> _shadowAbstentions;

    public RoutingMetrics()
    {
        _answered = _meter.CreateCounter<long>("slm.gateway.specialist.answers", description: "Calls a specialist answered");
        _fallbacks = _meter.CreateCounter<long>("slm.gateway.specialist.fallbacks", description: "Routed calls the teacher answered instead");
        _comparisons = _meter.CreateCounter<long>("slm.gateway.specialist.comparisons", description: "Specialist answers compared with the teacher's in the background");
        _comparisonsSkipped = _meter.CreateCounter<long>("slm.gateway.specialist.comparisons.skipped", description: "Comparisons not made: too many in flight");
        _comparisonsFailed = _meter.CreateCounter<long>("slm.gateway.specialist.comparisons.failed", description: "Comparisons that could not be made, by reason");
        _shadowAbstentions = _meter.CreateCounter<long>("slm.gateway.specialist.shadow_abstentions", description: "Shadow calls the specialist was not sure enough of to answer");
    }

    public void Answered(Guid taskId) => _answered.Add(1, new KeyValuePair<string, object?>("task", taskId.ToString()));

    public void FellBack(Guid taskId, string reason) =>
        _fallbacks.Add(1, new("task", taskId.ToString()), new("reason", reason));

    public void Compared(Guid taskId, string mode, bool agreed) =>
        _comparisons.Add(1, new("task", taskId.ToString()), new("mode", mode), new("agreed", agreed));

    public void ComparisonSkipped(Guid taskId) => _comparisonsSkipped.Add(1, new KeyValuePair<string, object?>("task", taskId.ToString()));

    public void ComparisonFailed(Guid taskId, string reason) =>
        _comparisonsFailed.Add(1, new("task", taskId.ToString()), new("reason", reason));

    public void ShadowAbstained(Guid taskId) => _shadowAbstentions.Add(1, new KeyValuePair<string, object?>("task", taskId.ToString()));

    public void Dispose() => _meter.Dispose();
}
