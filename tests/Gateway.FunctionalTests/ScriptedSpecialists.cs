using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// A stand-in for the serving service's <c>/v1/chat/completions</c> on real Kestrel (serving itself is tested in
/// Serving.FunctionalTests), answering per model: <see cref="Good"/> with the label the task expects,
/// <see cref="OffLabel"/> with one outside the set, <see cref="Broken"/> with a 500, <see cref="Echo"/> with what the
/// scripted teacher answers (so the two agree).
/// </summary>
public sealed class ScriptedSpecialists : IAsyncDisposable
{
    public static readonly Guid Good = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid OffLabel = Guid.Parse("00000000-0000-0000-0000-00000000a002");
    public static readonly Guid Broken = Guid.Parse("00000000-0000-0000-0000-00000000a003");
    public static readonly Guid Echo = Guid.Parse("00000000-0000-0000-0000-00000000a004");
    public const string GoodAnswer = """{"intent": "card_arrival"}""";

    private readonly WebApplication _app;

    private ScriptedSpecialists(WebApplication app) => _app = app;

    private int _calls;

    public int Calls => _calls;

    public string? LastTenantHeader { get; private set; }

    /// <summary>The last user message of every request, in order of arrival.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First() + "/");

    public static async Task<ScriptedSpecialists> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var specialists = new ScriptedSpecialists(app);
        app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)specialists.AnswerAsync);
        await app.StartAsync();
        return specialists;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The confidence a scripted specialist gives: low for a message that says it is hard, high otherwise.</summary>
    public static double ConfidenceFor(string message) => message.Contains(HardMarker, StringComparison.Ordinal) ? 0.2 : 0.9;

    public const string HardMarker = "[hard]";

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        LastTenantHeader = context.Request.Headers["X-Slm-Tenant"];
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var lastUser = body.RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user");
        Received.Enqueue(lastUser.GetProperty("content").GetString()!);
        var model = Guid.Parse(body.RootElement.GetProperty("model").GetString()!);
        if (model == Broken)
        {
            return Results.Problem("broken", statusCode: 500);
        }

        var content = model == Good ? GoodAnswer
            : model == Echo ? ScriptedUpstream.EchoOf(lastUser.GetProperty("content").GetString()!)
            : """{"intent": "not_a_known_label"}""";
        return Results.Json(new
        {
            id = "chatcmpl-s",
            @object = "chat.completion",
            created = 1,
            model = model.ToString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 6, completion_tokens = 1, total_tokens = 7 },
            slm_confidence = new { score = ConfidenceFor(lastUser.GetProperty("content").GetString()!), signal = "scripted" },
        });
    }
}
