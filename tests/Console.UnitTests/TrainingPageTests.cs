using System.Text.Json;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class TrainingPageTests : ConsoleTestContext
{
    private static readonly TaskSummary Router = StubPlatformApi.Task("card arrival", 3080);

    [Fact]
    public void ARunningJob_ShowsItsEpochsAsAProgressBar_AndAFinishedOneItsModel()
    {
        var model = Guid.NewGuid();
        Api.Answer("/api/tasks", new List<TaskSummary> { Router });
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage(
        [
            Job("running", new { phase = "training", epoch = 12, max_epochs = 40, eta_seconds = 95.0 }),
            Job("succeeded", null) with { ModelId = model },
        ], null));
        Api.Answer("/api/datasets", new DatasetPage([], null));

        var page = Render<Training>();

        page.WaitForAssertion(() => Assert.Contains("training: epoch 12 of 40", page.Markup, StringComparison.Ordinal));
        Assert.Equal("30", page.Find("progress").GetAttribute("value"));
        Assert.Contains($"model {model}", page.Markup, StringComparison.Ordinal);
        Assert.Contains("card arrival", page.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StartingAFineTune_PostsTheChosenTask_AndCancelling_PostsToItsJob()
    {
        var running = Job("running", new { phase = "dataset" });
        Api.Answer("/api/tasks", new List<TaskSummary> { Router });
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage([running], null));
        Api.Answer("/api/datasets", new DatasetPage([], null));
        Api.AnswerTo(HttpMethod.Post, "/api/finetune-jobs", HttpStatusCode.Created, running);
        Api.AnswerTo(HttpMethod.Post, $"/api/finetune-jobs/{running.Id}/cancel", HttpStatusCode.OK, running with { CancelRequested = true });
        var page = Render<Training>();
        page.WaitForAssertion(() => page.Find("form.filter-form"));

        // A label's "for" cannot name a custom element, so the selects carry their names themselves (axe checks this).
        Assert.Equal("Task", page.Find("#job_task").GetAttribute("aria-label"));
        Assert.Equal("Kind", page.Find("#job_kind").GetAttribute("aria-label"));
        page.Find("form.filter-form").Submit();
        page.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/finetune-jobs"));
        using (var body = JsonDocument.Parse(Api.Requests.Single(r => r.Method == HttpMethod.Post).Body!))
        {
            Assert.Equal(Router.Id, body.RootElement.GetProperty("task_id").GetGuid());
            Assert.Equal("auto", body.RootElement.GetProperty("kind").GetString());
        }

        page.Find($"[aria-label='Cancel job {running.Id}']").Click();
        page.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/finetune-jobs/{running.Id}/cancel"));
    }

    [Fact]
    public void NoJobsYet_SaysHowToStartOne()
    {
        Api.Answer("/api/tasks", new List<TaskSummary>());
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage([], null));
        Api.Answer("/api/datasets", new DatasetPage([], null));

        var page = Render<Training>();

        page.WaitForAssertion(() => Assert.Contains("No dataset yet", page.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("No fine-tune jobs yet", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnnouncedEpoch_MovesTheJobsBar_WithoutReadingTheJobsAgain_AndAnotherJobsIsIgnored()
    {
        var running = Job("running", new { phase = "training", epoch = 2, max_epochs = 40, eta_seconds = 300.0 });
        Api.Answer("/api/tasks", new List<TaskSummary> { Router });
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage([running], null));
        Api.Answer("/api/datasets", new DatasetPage([], null));
        var page = Render<Training>();
        page.WaitForAssertion(() => Assert.Equal("5", page.Find("progress").GetAttribute("value")));
        var reads = Api.Requests.Count;

        ProgressFeed.Publish(Epoch(Guid.NewGuid(), 39));
        ProgressFeed.Publish(Epoch(running.Id, 30));

        page.WaitForAssertion(() => Assert.Equal("75", page.Find("progress").GetAttribute("value")));
        Assert.Contains("training: epoch 30 of 40, validation loss 0.412, about 0:00:50 left", page.Markup, StringComparison.Ordinal);
        Assert.Equal(reads, Api.Requests.Count);

        // An epoch delivered late (an older one) does not move the bar back.
        ProgressFeed.Publish(Epoch(running.Id, 29));
        page.WaitForAssertion(() => Assert.Equal("75", page.Find("progress").GetAttribute("value")));
    }

    [Fact]
    public void AJobTheRowsStillShowQueued_TakesItsAnnouncedEpochs()
    {
        // A short job runs all its epochs before the page reads the rows again; its bar moves all the same.
        var queued = Job("queued", null);
        Api.Answer("/api/tasks", new List<TaskSummary> { Router });
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage([queued], null));
        Api.Answer("/api/datasets", new DatasetPage([], null));
        var page = Render<Training>();
        page.WaitForAssertion(() => Assert.Contains("waiting for a worker", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("progress"));

        ProgressFeed.Publish(Epoch(queued.Id, 10));

        page.WaitForAssertion(() => Assert.Equal("25", page.Find("progress").GetAttribute("value")));
        Assert.Contains("training: epoch 10 of 40", page.Markup, StringComparison.Ordinal);
    }

    private static FineTuneProgressed Epoch(Guid jobId, int epoch) =>
        new(Guid.NewGuid(), "tenant", jobId, 0, 1, epoch, 40, epoch * 10, 400, 0.3, 0.412, 0.9, 50, DateTimeOffset.UtcNow);

    [Fact]
    public void DatasetVersions_ShowTheirSplitsAndLabels_WithExportsThroughTheConsole()
    {
        var dataset = new DatasetSummary("ds-card-arrival-7f3a", Router.Id, "label", "7f3a9c0e5b21d4a8", JsonSerializer.SerializeToElement(new { train = 240, validation = 30, test = 31 }),
            JsonSerializer.SerializeToElement(new[] { "card_arrival", "exchange_rate", "top_up" }), DateTimeOffset.UtcNow);
        Api.Answer("/api/tasks", new List<TaskSummary> { Router });
        Api.Answer("/api/finetune-jobs", new FineTuneJobPage([], null));
        Api.Answer("/api/datasets", new DatasetPage([dataset], null));

        var page = Render<Training>();

        page.WaitForAssertion(() => Assert.Contains("240 / 30 / 31", page.Find("[aria-label='Dataset versions, newest first']").TextContent, StringComparison.Ordinal));
        var row = page.Find("[aria-label='Dataset versions, newest first']").TextContent;
        Assert.Contains("card arrival", row, StringComparison.Ordinal);
        Assert.Contains("301", row, StringComparison.Ordinal);
        Assert.Contains("7f3a9c0e5b21", row, StringComparison.Ordinal);
        Assert.Equal("datasets/ds-card-arrival-7f3a/export?format=openai", page.Find("a[aria-label='Export ds-card-arrival-7f3a for OpenAI']").GetAttribute("href"));
        Assert.Equal("datasets/ds-card-arrival-7f3a/export?format=hf", page.Find("a[aria-label='Export ds-card-arrival-7f3a for Hugging Face']").GetAttribute("href"));
    }

    private static FineTuneJob Job(string state, object? progress) => new(
        Guid.NewGuid(), null, Router.Id, "auto", state, false, 1, null, null, null,
        progress is null ? null : JsonSerializer.SerializeToElement(progress), null, DateTimeOffset.UtcNow, null, null);
}
