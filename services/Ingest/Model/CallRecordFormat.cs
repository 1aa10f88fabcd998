namespace SlmPlatform.Ingest.Model;

/// <summary>The record shapes ingest accepts on the same endpoints.</summary>
public static class CallRecordFormat
{
    /// <summary>The platform's own record: <c>id, agent, workload, started_at, latency_ms, status, request, response</c>.</summary>
    public const string Platform = "platform";

    /// <summary>NVIDIA Data Flywheel's log record: <c>timestamp, workload_id, client_id, request, response</c>.</summary>
    public const string DataFlywheel = "data-flywheel";

    /// <summary>An OpenTelemetry GenAI chat span, sent to the OTLP/HTTP endpoint.</summary>
    public const string OpenTelemetry = "opentelemetry";
}
