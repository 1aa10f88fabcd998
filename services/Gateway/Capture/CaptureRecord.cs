using System.Buffers;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// The buffered form of a capture (JSON, encrypted on disk by <see cref="CaptureLog"/>) and its way back to a
/// <see cref="CallCaptured"/>. Streams are assembled here, in the background, not while the agent waits.
/// </summary>
public static class CaptureRecord
{
    public const string Source = "gateway";

    public static byte[] Serialize(PendingCapture capture, DateTimeOffset capturedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(capture.Request.Length + capture.Response.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("tenant_id", capture.TenantId);
            writer.WriteString("call_id", capture.CallId);
            writer.WriteString("agent", capture.CallSite.Agent);
            writer.WriteString("workload", capture.CallSite.Workload);
            writer.WriteString("started_at", capture.StartedAt);
            writer.WriteNumber("latency_ms", Math.Round(capture.LatencyMs, 3));
            writer.WriteString("status", capture.Status);
            writer.WriteString("captured_at", capturedAt);
            writer.WritePropertyName("request");
            writer.WriteRawValue(capture.Request.Span);
            writer.WritePropertyName("response");
            writer.WriteRawValue(ResponseObject(capture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static CallCaptured ToMessage(byte[] plaintext)
    {
        using var document = JsonDocument.Parse(plaintext);
        var root = document.RootElement;
        var tenantId = root.GetProperty("tenant_id").GetString()!;
        var callId = root.GetProperty("call_id").GetString()!;
        return new CallCaptured(
            DeterministicId.ForCapture(tenantId, callId),
            tenantId,
            callId,
            root.GetProperty("agent").GetString()!,
            root.GetProperty("workload").GetString(),
            root.GetProperty("started_at").GetDateTimeOffset(),
            root.GetProperty("latency_ms").GetDouble(),
            root.GetProperty("status").GetString()!,
            Source,
            root.GetProperty("request").Clone(),
            root.GetProperty("response").Clone(),
            root.GetProperty("captured_at").GetDateTimeOffset());
    }

    /// <summary>The response as an object: a stream's events assembled, and a body that is no JSON object said so.</summary>
    private static byte[] ResponseObject(PendingCapture capture)
    {
        try
        {
            using var document = JsonDocument.Parse(capture.Response);
            if (capture.IsStream && document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return StreamAssembler.Assemble(document.RootElement.EnumerateArray());
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return capture.Response.ToArray();
            }
        }
        catch (JsonException)
        {
            // Falls through: an upstream may answer an error with HTML or plain text.
        }

        return """{"error":{"message":"The upstream's answer was not a JSON object.","type":"slm_gateway_capture"}}"""u8.ToArray();
    }
}
