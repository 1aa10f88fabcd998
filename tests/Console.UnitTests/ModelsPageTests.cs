using System.Text.Json;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class ModelsPageTests : ConsoleTestContext
{
    private static readonly TaskSummary RouterTask = StubPlatformApi.Task("route-support-messages", 900);

    [Fact]
    public void Models_AreListedWithTheirTasksName()
    {
        var model = Model();
        Api.Answer("/api/models", new[] { model });
        Api.Answer("/api/tasks", new[] { RouterTask });

        var page = Render<Models>();

        page.WaitForAssertion(() => Assert.Contains("route-support-messages", page.Find("table").TextContent, StringComparison.Ordinal));
        Assert.Contains("classifier-head", page.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelsEvaluations_AreChartedWithTheirInterval_AndListed()
    {
        var model = Model();
        Api.Answer("/api/models", new[] { model });
        Api.Answer("/api/tasks", new[] { RouterTask });
        Api.Answer($"/api/models/{model.Id}/evaluations", new[] { Evaluation(model, 0.912, 0.871, 0.943, hoursAgo: 1), Evaluation(model, 0.884, 0.840, 0.918, hoursAgo: 30) });
        var page = Render<Models>();
        page.WaitForAssertion(() => page.Find("table"));

        page.FindAll("fluent-button").Single(b => b.TextContent.Contains("Show", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".agreement-chart svg")));
        var listed = page.FindAll("table")[^1].TextContent;
        Assert.Contains("0.912 (0.871–0.943)", listed, StringComparison.Ordinal);
        Assert.Contains("0.884 (0.840–0.918)", listed, StringComparison.Ordinal);
        Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/models/{model.Id}/evaluations");
    }

    [Fact]
    public void NoModelsYet_PointsToTraining()
    {
        Api.Answer("/api/models", Array.Empty<RegisteredModel>());
        Api.Answer("/api/tasks", new[] { RouterTask });

        var page = Render<Models>();

        page.WaitForAssertion(() => Assert.Contains("href=\"/training\"", page.Markup, StringComparison.Ordinal));
    }

    private static RegisteredModel Model() => new(
        Guid.NewGuid(), RouterTask.Id, Guid.NewGuid(), "classifier-head", "minilm-l6", "ds-1",
        JsonSerializer.SerializeToElement(new { epochs = 3 }), JsonSerializer.SerializeToElement(new { accuracy = 0.9 }),
        JsonSerializer.SerializeToElement(new { }), "ready", DateTimeOffset.UtcNow.AddDays(-2));

    private static ModelEvaluation Evaluation(RegisteredModel model, double agreement, double lower, double upper, int hoursAgo) => new(
        model.Id, "ds-1", model.TaskId, 400, "label agreement", agreement, lower, upper, 6.5, 11.2,
        JsonSerializer.SerializeToElement(new { }), DateTimeOffset.UtcNow.AddHours(-hoursAgo));
}
