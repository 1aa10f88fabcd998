using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// A stand-in for an Ollama server's model management API on real Kestrel, since no Ollama can run here: blobs
/// (<c>HEAD</c>/<c>POST /api/blobs/{digest}</c>, checking the digest as Ollama does), <c>/api/create</c> answering in
/// Ollama's streamed status lines ending with <c>{"status":"success"}</c> (or an error line for a base it lacks), and
/// <c>/api/show</c>, <c>/api/tags</c>, <c>/api/delete</c> over the models created. It records every create request.
/// </summary>
public sealed class FakeOllama : IAsyncDisposable
{
    /// <summary>The base models this server holds (anything else is "pull first", as Ollama says).</summary>
    public static readonly string[] Bases = ["qwen2.5:0.5b", "llama3.2:1b"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _blobs = new();
    private readonly ConcurrentDictionary<string, JsonElement> _models = new();

    private FakeOllama(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Creates { get; } = new();

    /// <summary>Digests uploaded, with their sizes.</summary>
    public IReadOnlyDictionary<string, long> Blobs => _blobs;

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<FakeOllama> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ollama = new FakeOllama(app);
        app.MapMethods("/api/blobs/{digest}", ["HEAD"], (string digest) => ollama._blobs.ContainsKey(digest) ? Results.Ok() : Results.NotFound());
        app.MapPost("/api/blobs/{digest}", (Delegate)ollama.PushBlobAsync);
        app.MapPost("/api/create", ollama.CreateAsync);
        app.MapPost("/api/show", (Delegate)ollama.ShowAsync);
        app.MapGet("/api/tags", () => Results.Json(new { models = ollama._models.Keys.Select(n => new { name = n + ":latest", model = n + ":latest", size = 1, digest = "0" }) }));
        app.MapDelete("/api/delete", (Delegate)ollama.DeleteAsync);
        await app.StartAsync();
        return ollama;
    }

    private async Task<IResult> PushBlobAsync(string digest, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        if (actual != digest)
        {
            return Results.BadRequest(new { error = "digest mismatch" });
        }

        _blobs[digest] = buffer.Length;
        return Results.Created();
    }

    private async Task CreateAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        Creates.Enqueue(request);
        context.Response.ContentType = "application/x-ndjson";
        async Task Line(object value) => await context.Response.WriteAsync(JsonSerializer.Serialize(value) + "\n");

        var from = request.TryGetProperty("from", out var f) ? f.GetString() : null;
        var digests = new[] { "files", "adapters" }
            .Where(p => request.TryGetProperty(p, out var files) && files.ValueKind == JsonValueKind.Object)
            .SelectMany(p => request.GetProperty(p).EnumerateObject().Select(e => e.Value.GetString()!)).ToList();
        if (from is not null && !Bases.Contains(from))
        {
            await Line(new { error = $"model '{from}' not found, try pulling it first" });
            return;
        }

        if (digests.FirstOrDefault(d => !_blobs.ContainsKey(d)) is { } missing)
        {
            await Line(new { error = $"blob {missing} not found" });
            return;
        }

        await Line(new { status = "parsing GGUF" });
        foreach (var digest in digests)
        {
            await Line(new { status = $"using existing layer {digest}" });
        }

        await Line(new { status = "writing manifest" });
        _models[request.GetProperty("model").GetString()!] = request;
        await Line(new { status = "success" });
    }

    private async Task<IResult> ShowAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var name = body.RootElement.GetProperty("model").GetString()!.Split(':')[0];
        return _models.TryGetValue(name, out var created)
            ? Results.Json(new { modelfile = "# created by the fake", details = new { format = created.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Object ? "gguf" : "safetensors", family = "test" }, capabilities = new[] { "completion" } })
            : Results.Json(new { error = $"model '{name}' not found" }, statusCode: 404);
    }

    private async Task<IResult> DeleteAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        return _models.TryRemove(body.RootElement.GetProperty("model").GetString()!.Split(':')[0], out _)
            ? Results.Ok()
            : Results.Json(new { error = "model not found" }, statusCode: 404);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
