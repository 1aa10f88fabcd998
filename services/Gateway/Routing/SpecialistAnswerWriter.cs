using System.Globalization;
using System.Text;
using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Writes a specialist's answer as the teacher's API would: a <c>chat.completion</c>, or — when the client asked to
/// stream — the same answer as <c>chat.completion.chunk</c> events ending in <c>data: [DONE]</c>. The model named is the
/// one the client asked for, so agents need no change; <c>x-slm-served-by</c> says who answered.
/// </summary>
internal static class SpecialistAnswerWriter
{
    public static async Task WriteAsync(HttpContext context, ChatRequest request, JsonElement message, JsonElement usage, TimeSpan elapsed)
    {
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = request.Json.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "specialist";
        var finish = message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0 ? "tool_calls" : "stop";
        context.Response.Headers[UpstreamRelay.OverheadHeader] = elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        if (!request.IsStream)
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish } },
                ["usage"] = usage.ValueKind == JsonValueKind.Object ? usage : null,
            }, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var delta = new Dictionary<string, object?> { ["role"] = "assistant" };
        foreach (var property in message.EnumerateObject().Where(p => p.Name is "content" or "tool_calls"))
        {
            delta[property.Name] = property.Value;
        }

        await WriteEventAsync(context, Chunk(id, created, model, delta, null));
        await WriteEventAsync(context, Chunk(id, created, model, [], finish));
        await context.Response.WriteAsync("data: [DONE]\n\n", Encoding.UTF8, context.RequestAborted);
    }

    private static Dictionary<string, object?> Chunk(string id, long created, string? model, Dictionary<string, object?> delta, string? finish) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish } },
    };

    private static async Task WriteEventAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
