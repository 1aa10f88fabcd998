using System.Diagnostics.Metrics;

namespace SlmPlatform.Gateway.Routing;

/// <summary>Calls answered by specialists, and those that fell back to the teacher, by reason.</summary>
public sealed class RoutingMetrics : IDisposable
{
    public const string MeterName = "SlmPlatform.Gateway.Routing";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _answered;
    private readonly Counter<long> _fallbacks;

    public RoutingMetrics()
    {
        _answered = _meter.CreateCounter<long>("slm.gateway.specialist.answers", description: "Calls a specialist answered");
        _fallbacks = _meter.CreateCounter<long>("slm.gateway.specialist.fallbacks", description: "Routed calls the teacher answered instead");
    }

    public void Answered(Guid taskId) => _answered.Add(1, new KeyValuePair<string, object?>("task", taskId.ToString()));

    public void FellBack(Guid taskId, string reason) =>
        _fallbacks.Add(1, new("task", taskId.ToString()), new("reason", reason));

    public void Dispose() => _meter.Dispose();
}
