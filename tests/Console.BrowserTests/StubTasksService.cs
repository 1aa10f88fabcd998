using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SlmPlatform.Contracts;
using SlmPlatform.Contracts.Http;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Console.BrowserTests;

/// <summary>
/// The tasks service's public API on a real port, answering one tenant's key with a task that a specialist serves in
/// canary, as the console reads it; any other key is refused as the real service would. It also answers what the
/// console reads of the calls service (the scrub report) and of training (a running job, a dataset and its export, the
/// model and its evaluations).
/// </summary>
public sealed class StubTasksService : IAsyncDisposable
{
    public const string Key = "slm_browser-test-key-4f1c";

    private readonly WebApplication _app;

    private StubTasksService(WebApplication app) => _app = app;

    public static TaskSummary Router { get; } = new(
        Guid.Parse("6a0e2a1c-0d7e-4b43-9a4e-0c1b2d3e4f50"), "support-bot/route-intent", "support-bot", "route-intent", "label", 3080, 123_200, 9_240, 3.6421m, [],
        412, 905, 77, 0.81, DateTimeOffset.UnixEpoch, TaskStatuses.Active, null, 3, 1);

    public static Guid RunningJob { get; } = Guid.Parse("5e8d2c1b-3a4f-4b6c-8d7e-9f0a1b2c3d4e");

    public Uri BaseUrl => new(_app.Urls.First());

    private static System.Text.Json.JsonElement EmptyObject => System.Text.Json.JsonSerializer.SerializeToElement(new { });

    public static async Task<StubTasksService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = Guid.Parse("0c2f5a4e-1b3d-4c5e-8f90-a1b2c3d4e5f6");
        var specialist = new TaskSpecialist(model, RouteModes.Canary, new OutputCheck(OutputCheck.LabelKind, ["card_arrival"]), DateTimeOffset.UnixEpoch, 0.5, 1.0, 0.833);
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Key}")
            {
                context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapGet("/api/tasks", () => Results.Json(new[] { Router }, PlatformJson.Options));
        app.MapGet("/api/savings", () => Results.Json(
            new SavingsReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 2614, 12, 3.03m, 1200,
                [new TaskSavings(Router.Id, Router.Name, 2614, 12, 0.005, 0.00118m, 3.03m, 500, 20, 480,
                    [.. Enumerable.Range(0, 7).Select(d => new RoutingDayFigures(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(d - 6), 300 + d * 20, 2, 0.35m + d * 0.02m, 60, 57 + d % 3))],
                    Coverage: 0.73)]),
            PlatformJson.Options));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        app.MapGet("/api/usage", () => Results.Json(
            new UsageReport(today.AddDays(-29), today, 3080, 3.6421m,
                [.. Enumerable.Range(0, 14).Select(d => new UsageDay(today.AddDays(d - 13), Router.Id, Router.Name, 200 + d * 5, 8_000, 600, 0.236m + d * 0.006m))]),
            PlatformJson.Options));
        app.MapGet($"/api/tasks/{Router.Id}", () => Results.Json(
            new TaskDetail(Router, [new LabelCount("card_arrival", 412), new LabelCount("exchange_rate", 97)], ["key"], specialist), PlatformJson.Options));
        app.MapGet($"/api/tasks/{Router.Id}/promotion", () => Results.Json(new PromotionStatus("canary", [], 17, DateTimeOffset.UnixEpoch), PlatformJson.Options));
        app.MapGet($"/api/tasks/{Router.Id}/promotions", () => Results.Json(new[]
        {
            new PromotionDecision(Router.Id, model, PromotionActions.Canary, true, "Online agreement 0.983 (0.963–0.992, n = 352) reaches the bar 0.95.", 0.983, 0.963, 352, DateTimeOffset.UnixEpoch.AddMinutes(1)),
            new PromotionDecision(Router.Id, model, PromotionActions.Shadow, true, "At confidence ≥ 0.833 it answers 0.722 of the held-out calls.", 0.970, 0.950, 609, DateTimeOffset.UnixEpoch),
        }, PlatformJson.Options));
        app.MapGet($"/api/tasks/{Router.Id}/topics", () => Results.Json(new TaskTopics(Router.Id,
            [new TopicSummary(1, "card arrival", ["card", "arrive", "delivery"], 1904, 0.62), new TopicSummary(2, "exchange rate", ["rate", "euro"], 783, 0.25), new TopicSummary(3, "top up", ["top", "balance"], 361, 0.12)],
            32, 0, DateTimeOffset.UnixEpoch), PlatformJson.Options));
        app.MapGet($"/api/tasks/{Router.Id}/calls", () => Results.Json(new TaskCallPage(
            [new TaskCall("router-1", DateTimeOffset.UnixEpoch, "gpt-4o", 40, 6, 410, "card_arrival", 1), new TaskCall("router-2", DateTimeOffset.UnixEpoch, "gpt-4o", 38, 6, 395, "exchange_rate", 2)], null), PlatformJson.Options));
        app.MapPost("/api/calls/lookup", () => Results.Json(new CallLookupResult(
            [StoredRouterCall("router-1", "My card for Anna Berg has not arrived yet", 1), StoredRouterCall("router-2", "What rate do you use for euros?", 0)]), PlatformJson.Options));
        app.MapGet("/api/promotion-policy", () => Results.Json(new PromotionPolicy(Approvals.Manual), PlatformJson.Options));
        var waiting = new PromotionDecision(Router.Id, model, PromotionActions.Full, false, "Recommended (manual approval): online agreement 0.981 (0.962–0.991, n = 402) reaches the bar 0.95.",
            0.981, 0.962, 402, DateTimeOffset.UnixEpoch.AddMinutes(2), Guid.Parse("3d9b1f7e-2c4a-4e6b-9a8c-7f6e5d4c3b2a"), PromotionReviews.Pending);
        app.MapGet("/api/promotions", (string? review) => Results.Json(
            review == PromotionReviews.Pending ? [waiting] : new[] { waiting, new PromotionDecision(Router.Id, model, PromotionActions.Canary, true, "Online agreement 0.983 reaches the bar 0.95.", 0.983, 0.963, 352, DateTimeOffset.UnixEpoch.AddMinutes(1)) },
            PlatformJson.Options));
        var day = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        app.MapGet("/api/scrub/report", () => Results.Json(
            new ScrubReport(day, day.AddDays(3), "day",
                [.. Enumerable.Range(0, 3).Select(d => new ScrubReportBucket(day.AddDays(d), 400 + d, new Dictionary<string, long> { ["PERSON"] = 120 + d * 9, ["EMAIL_ADDRESS"] = 40 + d, ["PHONE_NUMBER"] = 12 }))],
                new Dictionary<string, long> { ["PERSON"] = 387, ["EMAIL_ADDRESS"] = 123, ["PHONE_NUMBER"] = 36 }),
            PlatformJson.Options));
        var registered = new RegisteredModel(model, Router.Id, Guid.NewGuid(), "classifier-head", "minilm-l6", "ds-router-1",
            EmptyObject, EmptyObject, EmptyObject, "ready", DateTimeOffset.UnixEpoch);
        app.MapGet("/api/models", () => Results.Json(new[] { registered }, PlatformJson.Options));
        app.MapGet($"/api/models/{model}/evaluations", () => Results.Json(new[]
        {
            new ModelEvaluation(model, "ds-router-1", Router.Id, 609, "label agreement", 0.970, 0.950, 0.982, 6.1, 10.4, EmptyObject, day.AddDays(2)),
            new ModelEvaluation(model, "ds-router-1", Router.Id, 352, "label agreement", 0.941, 0.912, 0.961, 6.4, 11.0, EmptyObject, day),
        }, PlatformJson.Options));
        var dataset = new DatasetSummary("ds-router-1", Router.Id, "label", "9c1e0b7d4f2a6e35", System.Text.Json.JsonSerializer.SerializeToElement(new { train = 487, validation = 61, test = 61 }),
            System.Text.Json.JsonSerializer.SerializeToElement(new[] { "card_arrival", "exchange_rate" }), day);
        app.MapGet("/api/datasets", () => Results.Json(new DatasetPage([dataset], null), PlatformJson.Options));
        app.MapGet("/api/datasets/ds-router-1/export", (string format) => format == "openai"
            ? Results.Text("{\"messages\":[{\"role\":\"user\",\"content\":\"Where is my card?\"},{\"role\":\"assistant\",\"content\":\"card_arrival\"}]}\n", "application/x-ndjson")
            : Results.BadRequest());
        app.MapGet("/api/finetune-jobs", () => Results.Json(new FineTuneJobPage(
            [new FineTuneJob(RunningJob, null, Router.Id, "auto", "running", false, 1, dataset.Id, null, null,
                System.Text.Json.JsonSerializer.SerializeToElement(new { phase = "training", epoch = 12, max_epochs = 40, eta_seconds = 95.0 }), null, day, day, null)], null),
            PlatformJson.Options));
        await app.StartAsync();
        return new StubTasksService(app);
    }

    private static StoredCall StoredRouterCall(string id, string text, int people) => new(
        id, Router.Agent, Router.Workload, DateTimeOffset.UnixEpoch, 410, "ok", "gateway",
        System.Text.Json.JsonSerializer.SerializeToElement(new { messages = new[] { new { role = "user", content = text } } }), EmptyObject,
        people == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { ["PERSON"] = people }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        people == 0 ? [] : [new StandIn(StandIn.Request, "$.messages[0].content", "PERSON", text.IndexOf("Anna Berg", StringComparison.Ordinal), "Anna Berg".Length)]);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
