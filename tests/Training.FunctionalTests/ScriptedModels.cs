using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// A stand-in for an OpenAI-compatible endpoint serving base models or a judge (an Ollama or vLLM, the teacher's
/// provider), on real Kestrel: it answers each request with what <see cref="Answer"/> says for it, and records every
/// request with its Authorization header so tests can look at the prompts sent.
/// </summary>
public sealed class ScriptedModels : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedModels(WebApplication app) => _app = app;

    /// <summary>The base URL as configured (<c>/chat/completions</c> is appended to it).</summary>
    public Uri BaseUrl => new(_app.Urls.First() + "/v1");

    /// <summary>The assistant's content for a request body.</summary>
    public Func<JsonElement, string> Answer { get; set; } = _ => string.Empty;

    public ConcurrentQueue<(string Authorization, JsonElement Body)> Received { get; } = new();

    public static async Task<ScriptedModels> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var models = new ScriptedModels(app);
        app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)models.AnswerAsync);
        await app.StartAsync();
        return models;
    }

    /// <summary>The bodies received for one model, in the order they came.</summary>
    public IReadOnlyList<JsonElement> For(string model) =>
        [.. Received.Where(r => r.Body.GetProperty("model").GetString() == model).Select(r => r.Body)];

    /// <summary>The text of a request's last user message: the question asked.</summary>
    public static string Question(JsonElement body) =>
        body.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var body = document.RootElement.Clone();
        Received.Enqueue((context.Request.Headers.Authorization.ToString(), body));
        var content = Answer(body);
        return Results.Json(new { choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } } });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
