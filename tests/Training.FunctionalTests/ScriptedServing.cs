using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// A stand-in for the serving service's <c>/v1/chat/completions</c>, on real Kestrel, whose answers the tests know:
/// the teacher's own answer for every request it has been taught, except where <see cref="Wrong"/> names the
/// teacher's label — there it answers another label — and nothing but 503 while <see cref="Down"/>.
/// </summary>
public sealed class ScriptedServing : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _teacherLabels = new(StringComparer.Ordinal);
    private int _requests;
    private int _answeredWrong;

    /// <summary>The platform's service key the training service is given; serving answers only requests that carry it.</summary>
    public const string ServiceKey = "training-tests-service-key-0123456789";

    private ScriptedServing(WebApplication app) => _app = app;

    /// <summary>The tenants the requests acted for.</summary>
    public ConcurrentDictionary<string, int> Tenants { get; } = new(StringComparer.Ordinal);

    public Uri BaseUrl => new(_app.Urls.First() + "/");

    /// <summary>The teacher label this stand-in answers wrongly (with <c>{"intent": "wrong"}</c>).</summary>
    public string? Wrong { get; set; }

    public bool Down { get; set; }

    /// <summary>What it says for a label: by default the router's JSON, <c>{"intent": "..."}</c>.</summary>
    public Func<string, string> Say { get; set; } = label => JsonSerializer.Serialize(new { intent = label });

    public int Requests => _requests;

    public int AnsweredWrong => _answeredWrong;

    public static async Task<ScriptedServing> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var serving = new ScriptedServing(app);
        app.MapPost("/v1/chat/completions", (Func<HttpContext, Task<IResult>>)serving.AnswerAsync);
        await app.StartAsync();
        return serving;
    }

    /// <summary>Learns the teacher's label of each call's request text.</summary>
    public void Teach(IEnumerable<SourceCall> calls)
    {
        foreach (var call in calls)
        {
            _teacherLabels[PromptText.Of(call.Messages)] = call.OutputLabel!;
        }
    }

    public void ResetCounts() => (_requests, _answeredWrong) = (0, 0);

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        if (Down)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (context.Request.Headers.Authorization != $"Bearer {ServiceKey}" || context.Request.Headers["X-Slm-Tenant"].ToString() is not { Length: > 0 } tenant)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        Tenants.AddOrUpdate(tenant, 1, (_, n) => n + 1);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        Interlocked.Increment(ref _requests);
        var label = _teacherLabels.GetValueOrDefault(PromptText.Of(body.RootElement.GetProperty("messages")), "unknown");
        // A specialist that knows when it is unsure: less sure of every answer it gets wrong than of any it gets right.
        var confidence = label == Wrong ? 0.3 : 0.9;
        if (label == Wrong)
        {
            Interlocked.Increment(ref _answeredWrong);
            label = "wrong";
        }

        var content = Say(label);
        return Results.Json(new
        {
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            slm_confidence = new { score = confidence, signal = "scripted" },
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
