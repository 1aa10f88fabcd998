using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Testing;

/// <summary>
/// A stand-in for an LLM provider's OpenAI-compatible API, on real Kestrel, since no real LLM API can be reached here.
/// It answers on the wire as OpenAI does (JSON completions, SSE chunks with <c>data: [DONE]</c>, the usage event
/// only when asked, error objects with status codes and Retry-After) with scripted content chosen by the request's
/// model: <c>rate-limited</c> → 429, <c>broken</c> → 500, <c>slow</c> → no answer for a minute (counting the callers
/// that gave up in <see cref="Abandoned"/>), tools present → a tool call, otherwise an echo.
/// </summary>
public sealed class ScriptedUpstream : IAsyncDisposable
{
    public const string ApiKey = "sk-upstream-secret-5f1d9a2c7b";
    private readonly WebApplication _app;
    private int _abandoned;

    private ScriptedUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Requests for the <c>slow</c> model whose caller closed the connection before the answer.</summary>
    public int Abandoned => _abandoned;

    public Uri BaseUrl => new(_app.Urls.First() + "/v1");

    public static async Task<ScriptedUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new ScriptedUpstream(app);
        app.MapPost("/v1/chat/completions", upstream.ChatAsync);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "gpt-4o-mini", @object = "model", created = 1715367049, owned_by = "system" } } }));
        await app.StartAsync();
        return upstream;
    }

    public static string EchoOf(string text) => $"You said: {text}";

    // A lone surrogate cannot become a .NET string; like a lenient provider, the stand-in then echoes the JSON as written.
    private static string TextOf(JsonElement content)
    {
        try
        {
            return content.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return content.GetRawText().Trim('"');
        }
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement;
        Received.Enqueue(new ReceivedRequest(context.Request.Headers.Authorization.ToString(), request.Clone()));
        context.Response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
        if (!request.TryGetProperty("model", out var named) || named.ValueKind != JsonValueKind.String
            || !request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            // As the providers do: a request without a model or messages is the caller's mistake.
            await WriteErrorAsync(context, 400, "You must provide a model parameter and a messages array.", "invalid_request_error", null);
            return;
        }

        var model = named.GetString()!;

        switch (model)
        {
            case "rate-limited":
                context.Response.Headers.RetryAfter = "7";
                await WriteErrorAsync(context, 429, "Rate limit reached for requests", "requests", "rate_limit_exceeded");
                return;
            case "broken":
                await WriteErrorAsync(context, 500, "The server had an error while processing your request.", "server_error", null);
                return;
            case "empty":
                // A misbehaving provider: 200 with nothing in it.
                context.Response.ContentLength = 0;
                return;
            case "endless-line":
                // A misbehaving provider: an event stream whose first line never ends.
                await EndlessAsync(context, "data: ", "x");
                return;
            case "endless-stream":
                // A stream of well-formed events that never finishes.
                await EndlessAsync(context, "", "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"more \"}}]}\n\n");
                return;
            case "slow":
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _abandoned);
                }

                return;
        }

        var lastUser = request.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user");
        var text = lastUser.GetProperty("content").ValueKind == JsonValueKind.String
            ? TextOf(lastUser.GetProperty("content"))
            : string.Concat(lastUser.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        var toolName = request.TryGetProperty("tools", out var tools) ? tools[0].GetProperty("function").GetString("name") : null;
        var answer = toolName is null ? new Answer(EchoOf(text), null, null) : new Answer(null, toolName, JsonSerializer.Serialize(new { query = text }));
        var stream = request.TryGetProperty("stream", out var s) && s.GetBoolean();
        var includeUsage = request.TryGetProperty("stream_options", out var o) && o.TryGetProperty("include_usage", out var u) && u.GetBoolean();

        if (stream)
        {
            await StreamAsync(context, model, answer, includeUsage);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(Completion(model, answer));
        }
    }

    private static object Usage => new { prompt_tokens = 21, completion_tokens = 9, total_tokens = 30 };

    private static object Completion(string model, Answer answer) => new
    {
        id = "chatcmpl-scripted",
        @object = "chat.completion",
        created = 1_764_000_000,
        model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = answer.Content,
                    tool_calls = answer.ToolName is null ? null : new[] { new { id = "call_abc123", type = "function", function = new { name = answer.ToolName, arguments = answer.Arguments } } },
                },
                finish_reason = answer.ToolName is null ? "stop" : "tool_calls",
            },
        },
        usage = Usage,
    };

    private static async Task StreamAsync(HttpContext context, string model, Answer answer, bool includeUsage)
    {
        context.Response.ContentType = "text/event-stream";
        async Task Send(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        object Chunk(object delta, string? finish) => new
        {
            id = "chatcmpl-scripted", @object = "chat.completion.chunk", created = 1_764_000_000, model,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        };

        await Send(Chunk(new { role = "assistant", content = "" }, null));
        if (answer.ToolName is null)
        {
            foreach (var word in answer.Content!.Split(' ').Select((w, i) => i == 0 ? w : " " + w))
            {
                await Send(Chunk(new { content = word }, null));
            }
        }
        else
        {
            await Send(Chunk(new { tool_calls = new[] { new { index = 0, id = "call_abc123", type = "function", function = new { name = answer.ToolName, arguments = "" } } } }, null));
            var arguments = answer.Arguments!;
            for (var i = 0; i < arguments.Length; i += 5)
            {
                await Send(Chunk(new { tool_calls = new[] { new { index = 0, function = new { arguments = arguments[i..Math.Min(i + 5, arguments.Length)] } } } }, null));
            }
        }

        await Send(Chunk(new { }, answer.ToolName is null ? "stop" : "tool_calls"));
        if (includeUsage)
        {
            await Send(new { id = "chatcmpl-scripted", @object = "chat.completion.chunk", created = 1_764_000_000, model, choices = Array.Empty<object>(), usage = Usage });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Writes <paramref name="opening"/>, then <paramref name="repeated"/> in 64 KB pieces until the caller leaves.</summary>
    private async Task EndlessAsync(HttpContext context, string opening, string repeated)
    {
        context.Response.ContentType = "text/event-stream";
        var piece = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, Math.Max(1, 64 * 1024 / repeated.Length))));
        try
        {
            await context.Response.WriteAsync(opening, context.RequestAborted);
            while (true)
            {
                await context.Response.Body.WriteAsync(piece, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref _abandoned);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, string type, string? code)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type, param = (string?)null, code } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Answer(string? Content, string? ToolName, string? Arguments);
}

public sealed record ReceivedRequest(string Authorization, JsonElement Body);

internal static class JsonElementExtensions
{
    public static string? GetString(this JsonElement element, string name) => element.GetProperty(name).GetString();
}
