using System.Buffers;
using System.Text;
using System.Text.Unicode;

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
            writer.WriteRawValue(Storable(capture.Request));
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

    /// <summary>
    /// The response as an object: a stream's events assembled, and a body that is no JSON object (or one nested deeper
    /// than a capture may be) said so.
    /// </summary>
    private static byte[] ResponseObject(PendingCapture capture)
    {
        var response = Storable(capture.Response);
        try
        {
            using var document = JsonDocument.Parse(response, CallPayload.DocumentOptions);
            if (capture.IsStream && document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return StreamAssembler.Assemble(document.RootElement.EnumerateArray());
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return response;
            }
        }
        catch (JsonException)
        {
            // Falls through: an upstream may answer an error with HTML or plain text.
        }

        return """{"error":{"message":"The upstream's answer was not a JSON object the platform can store.","type":"slm_gateway_capture"}}"""u8.ToArray();
    }

    /// <summary>
    /// A copy that the bus and PostgreSQL accept: bytes that are not UTF-8 (an upstream's fault, not the agent's) and
    /// the escapes <see cref="CallPayload.ReplaceUnstorableEscapes"/> names become U+FFFD.
    /// </summary>
    private static byte[] Storable(ReadOnlyMemory<byte> json)
    {
        var copy = Utf8.IsValid(json.Span) ? json.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json.Span));
        CallPayload.ReplaceUnstorableEscapes(copy);
        return copy;
    }
}
