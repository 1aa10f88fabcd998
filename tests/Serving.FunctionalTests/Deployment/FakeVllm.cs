using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// A stand-in for a vLLM server started with <c>--enable-lora</c> and runtime LoRA updating, on real Kestrel, since
/// no vLLM can run here: <c>POST /v1/load_lora_adapter</c> answers 200 with vLLM's text, then 400 with vLLM's error
/// object ("has already been loaded") for a name it holds; <c>unload_lora_adapter</c> answers 404 for one it lacks;
/// <c>GET /v1/models</c> lists the base and the adapters; <c>POST /v1/chat/completions</c> answers a model it serves
/// with <see cref="AnswerOf"/> (plain, or server-sent events ending in <c>data: [DONE]</c>) and any other with vLLM's
/// 404 error object. It checks the API key and records every load and chat body.
/// </summary>
public sealed class FakeVllm : IAsyncDisposable
{
    public const string ApiKey = "vllm-test-key-3c9e1f";
    public const string BaseModel = "Qwen/Qwen2.5-0.5B-Instruct";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _adapters = new();

    private FakeVllm(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Loads { get; } = new();

    public ConcurrentQueue<JsonElement> Chats { get; } = new();

    /// <summary>The headers of each chat request, by model, as the stand-in received them.</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> ChatHeaders { get; } = new();

    public IReadOnlyDictionary<string, string> Adapters => _adapters;

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<FakeVllm> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var vllm = new FakeVllm(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { error = "Unauthorized" });
                return;
            }

            await next(context);
        });
        app.MapPost("/v1/load_lora_adapter", (Delegate)vllm.LoadAsync);
        app.MapPost("/v1/unload_lora_adapter", (Delegate)vllm.UnloadAsync);
        app.MapPost("/v1/chat/completions", vllm.ChatAsync);
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = new[] { new { id = BaseModel, @object = "model", parent = (string?)null } }
                .Concat(vllm._adapters.Keys.Select(n => new { id = n, @object = "model", parent = (string?)BaseModel })),
        }));
        await app.StartAsync();
        return vllm;
    }

    private async Task<IResult> LoadAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        Loads.Enqueue(request);
        var name = request.GetProperty("lora_name").GetString()!;
        if (!_adapters.TryAdd(name, request.GetProperty("lora_path").GetString()!))
        {
            return Error($"The lora adapter '{name}' has already been loaded.", 400);
        }

        return Results.Text($"Success: LoRA adapter '{name}' added successfully.");
    }

    /// <summary>What the stand-in answers for a model it serves: its name, so a test sees which model answered.</summary>
    public static string AnswerOf(string model) => $"answered by {model}";

    private async Task ChatAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        Chats.Enqueue(request);
        var model = request.GetProperty("model").GetString()!;
        ChatHeaders[model] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (model != BaseModel && !_adapters.ContainsKey(model))
        {
            await Error($"The model `{model}` does not exist.", 404).ExecuteAsync(context);
            return;
        }

        const string Id = "chatcmpl-fake-vllm";
        var usage = new { prompt_tokens = 7, completion_tokens = 3, total_tokens = 10 };
        if (!request.TryGetProperty("stream", out var stream) || stream.ValueKind != JsonValueKind.True)
        {
            await Results.Json(new
            {
                id = Id, @object = "chat.completion", created = 1_700_000_000, model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = AnswerOf(model) }, finish_reason = "stop" } },
                usage,
            }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        object[] chunks =
        [
            new { id = Id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = AnswerOf(model) }, finish_reason = (string?)null } } },
            new { id = Id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } }, usage },
        ];
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task<IResult> UnloadAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var name = body.RootElement.GetProperty("lora_name").GetString()!;
        return _adapters.TryRemove(name, out _)
            ? Results.Text($"Success: LoRA adapter '{name}' removed successfully.")
            : Error($"The lora adapter '{name}' cannot be found.", 404);
    }

    private static IResult Error(string message, int status) =>
        Results.Json(new { @object = "error", message, type = status == 404 ? "NotFoundError" : "BadRequestError", param = (string?)null, code = status }, statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
