using System.Text.Json.Nodes;

namespace SlmPlatform.Gateway.Model;

/// <summary>
/// A chat-completions request as the client sent it, and the body the gateway forwards. For streams the gateway asks
/// the upstream for usage (<c>stream_options.include_usage</c>) so that captures carry token counts; when the client
/// did not ask for it, the extra usage event is kept from the client.
/// </summary>
public sealed class ChatRequest(byte[] clientBody, JsonDocument document) : IDisposable
{
    public byte[] ClientBody { get; } = clientBody;

    public JsonElement Json => document.RootElement;

    public bool IsStream => Json.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public bool ClientWantsUsage =>
        Json.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True;

    /// <summary>True when the forwarded body asks for usage that the client did not ask for.</summary>
    public bool UsageInjected => IsStream && !ClientWantsUsage;

    public byte[] UpstreamBody()
    {
        if (!UsageInjected)
        {
            return ClientBody;
        }

        var node = JsonNode.Parse(ClientBody)!.AsObject();
        if (node["stream_options"] is not JsonObject options)
        {
            node["stream_options"] = options = [];
        }

        options["include_usage"] = true;
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    /// <summary>The client's body asking for one answer, not a stream: what background comparisons send.</summary>
    public byte[] NonStreamingBody()
    {
        if (!Json.TryGetProperty("stream", out _) && !Json.TryGetProperty("stream_options", out _))
        {
            return ClientBody;
        }

        var node = JsonNode.Parse(ClientBody)!.AsObject();
        node.Remove("stream");
        node.Remove("stream_options");
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    /// <summary>Parses a client body; null when it is not a JSON object or is nested deeper than captures may be.</summary>
    public static ChatRequest? TryParse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body, CallPayload.DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new ChatRequest(body, document);
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why <see cref="TryParse"/> refused a body; worked out on the error path only.</summary>
    public static string RefusalOf(byte[] body)
    {
        if (CallPayload.IsTooDeep(body))
        {
            return $"The body is nested deeper than {CallPayload.MaxDepth} levels.";
        }

        try
        {
            using var _ = JsonDocument.Parse(body, CallPayload.DocumentOptions);
            return "The body must be a JSON object.";
        }
        catch (JsonException e)
        {
            // The exception's message can quote the body; only the position is given.
            return $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
        }
    }

    public void Dispose() => document.Dispose();
}
