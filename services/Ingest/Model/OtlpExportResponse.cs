using System.Text.Json.Serialization;

namespace SlmPlatform.Ingest.Model;

/// <summary>OTLP's ExportTraceServiceResponse: empty on full success.</summary>
public sealed record OtlpExportResponse(
    [property: JsonPropertyName("partialSuccess"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OtlpPartialSuccess? PartialSuccess);

public sealed record OtlpPartialSuccess(
    [property: JsonPropertyName("rejectedSpans")] long RejectedSpans,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
