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

    /// <summary>Parses a client body; null when it is not a JSON object.</summary>
    public static ChatRequest? TryParse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
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

    public void Dispose() => document.Dispose();
}
