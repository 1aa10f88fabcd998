using System.Text.Json;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class TaskPageTests : ConsoleTestContext
{
    [Fact]
    public void ATaskPage_ShowsItsSpecialist_WhereItsPromotionStands_AndWhy()
    {
        var summary = StubPlatformApi.Task("card arrival", 3080);
        var model = Guid.NewGuid();
        var specialist = new TaskSpecialist(model, RouteModes.Canary, new OutputCheck(OutputCheck.LabelKind, ["card_arrival"]), DateTimeOffset.UnixEpoch, 0.5, 1.0, 0.833);
        Api.Answer($"/api/tasks/{summary.Id}", new TaskDetail(summary, [new LabelCount("card_arrival", 40), new LabelCount("exchange_rate", 7)], ["key"], specialist));
        Api.Answer($"/api/tasks/{summary.Id}/promotion", new PromotionStatus("canary", [], 17, DateTimeOffset.UnixEpoch));
        Api.Answer($"/api/tasks/{summary.Id}/promotions", new List<PromotionDecision>
        {
            new(summary.Id, model, PromotionActions.Canary, true, "online agreement 0.983 reaches the bar", 0.983, 0.963, 352, DateTimeOffset.UnixEpoch.AddMinutes(1)),
            new(summary.Id, model, PromotionActions.Shadow, true, "answers 0.722 of the held-out calls at the bar", 0.970, 0.950, 609, DateTimeOffset.UnixEpoch),
        });
        AnswerCuration(summary);

        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, summary.Id));

        page.WaitForAssertion(() => Assert.Contains("online agreement 0.983", page.Markup, StringComparison.Ordinal));
        Assert.Contains("<strong>canary</strong> mode", page.Markup, StringComparison.Ordinal);
        Assert.Contains("on 50% of the calls", page.Markup.Replace(" %", "%", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Promotion: <strong>canary</strong>, 17 checks", page.Markup, StringComparison.Ordinal);
        Assert.Contains("exchange_rate", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskPage_ChartsItsTopics_AndShowsSampleCallsAsStored()
    {
        var summary = StubPlatformApi.Task("card questions", 900);
        AnswerTask(summary);

        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, summary.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".topics-chart")));
        var samples = page.Find("[aria-label='Sample calls of the task']").TextContent;
        Assert.Contains("Where is the card I ordered for Maria Lopez?", samples, StringComparison.Ordinal);
        Assert.Contains("delivery", samples, StringComparison.Ordinal);
        Assert.Contains("PERSON 1", samples, StringComparison.Ordinal);
        Assert.Contains("12 calls close to no topic", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void SplittingTopicsOff_SendsTheChosenTopicsAndName_AndLinksTheNewTask()
    {
        var summary = StubPlatformApi.Task("card questions", 900);
        var created = Guid.NewGuid();
        AnswerTask(summary);
        Api.AnswerTo(HttpMethod.Post, $"/api/tasks/{summary.Id}/split", HttpStatusCode.OK, new TaskSplitResult(summary.Id, created));
        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, summary.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#split_topic_2")));

        page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentCheckbox>().Single(c => c.Instance.Id == "split_topic_2")
            .InvokeAsync(() => page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentCheckbox>().Single(c => c.Instance.Id == "split_topic_2").Instance.ValueChanged.InvokeAsync(true));
        page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentTextField>().Single(c => c.Instance.Id == "split_name")
            .InvokeAsync(() => page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentTextField>().Single(c => c.Instance.Id == "split_name").Instance.ValueChanged.InvokeAsync("exchange rates"));
        page.FindAll("form").Single(f => f.InnerHtml.Contains("split_name", StringComparison.Ordinal)).Submit();

        page.WaitForAssertion(() => Assert.Contains($"tasks/{created}", page.Markup, StringComparison.Ordinal));
        using var body = JsonDocument.Parse(Assert.Single(Api.Requests, r => r.PathAndQuery.EndsWith("/split", StringComparison.Ordinal)).Body!);
        Assert.Equal([2], body.RootElement.GetProperty("topic_ids").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal("exchange rates", body.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void RenamingIgnoringAndMerging_SendWhatThePersonChose()
    {
        var summary = StubPlatformApi.Task("card questions", 900);
        var other = StubPlatformApi.Task("card questions-2", 40);
        AnswerTask(summary, other);
        Api.AnswerTo(HttpMethod.Patch, $"/api/tasks/{summary.Id}", HttpStatusCode.OK, new { });
        Api.AnswerTo(HttpMethod.Post, $"/api/tasks/{summary.Id}/merge", HttpStatusCode.OK, new { });
        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, summary.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#merge_from")));

        page.FindAll("fluent-button").Single(b => b.TextContent.Contains("Ignore", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains("Ignored: it will not be trained.", page.Markup, StringComparison.Ordinal));
        var merge = page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentSelect<TaskSummary>>().Single(c => c.Instance.Id == "merge_from");
        merge.InvokeAsync(() => merge.Instance.ValueChanged.InvokeAsync(other.Id.ToString()));
        page.FindAll("form").Single(f => f.InnerHtml.Contains("merge_from", StringComparison.Ordinal)).Submit();

        page.WaitForAssertion(() => Assert.Contains("Merged card questions-2 into this task", page.Markup, StringComparison.Ordinal));
        using (var update = JsonDocument.Parse(Assert.Single(Api.Requests, r => r.Method == HttpMethod.Patch).Body!))
        {
            Assert.True(update.RootElement.GetProperty("ignored").GetBoolean());
            Assert.Equal(JsonValueKind.Null, update.RootElement.GetProperty("name").ValueKind);
        }

        using var body = JsonDocument.Parse(Assert.Single(Api.Requests, r => r.PathAndQuery.EndsWith("/merge", StringComparison.Ordinal)).Body!);
        Assert.Equal(other.Id, body.RootElement.GetProperty("task_ids")[0].GetGuid());
    }

    private void AnswerTask(TaskSummary summary, params TaskSummary[] others)
    {
        Api.Answer($"/api/tasks/{summary.Id}", new TaskDetail(summary, [new LabelCount("delivery", 600)], ["key"]));
        Api.Answer($"/api/tasks/{summary.Id}/promotions", new List<PromotionDecision>());
        AnswerCuration(summary, others);
    }

    /// <summary>The task's topics (two, and 12 outliers), one sample call, and the tenant's tasks.</summary>
    private void AnswerCuration(TaskSummary summary, params TaskSummary[] others)
    {
        Api.Answer($"/api/tasks/{summary.Id}/topics", new TaskTopics(summary.Id,
            [new TopicSummary(1, "card delivery", ["card", "arrive"], 600, 0.67), new TopicSummary(2, "exchange rate", ["rate", "euro"], 288, 0.32)], 12, 0, DateTimeOffset.UnixEpoch));
        Api.Answer($"/api/tasks/{summary.Id}/calls", new TaskCallPage([new TaskCall("call-1", DateTimeOffset.UnixEpoch, "gpt-4o", 40, 3, 420, "delivery", 1)], null));
        Api.AnswerTo(HttpMethod.Post, "/api/calls/lookup", HttpStatusCode.OK, new CallLookupResult([new StoredCall(
            "call-1", "support-bot", "w", DateTimeOffset.UnixEpoch, 420, "ok", "gateway",
            JsonSerializer.SerializeToElement(new { messages = new[] { new { role = "user", content = "Where is the card I ordered for Maria Lopez?" } } }),
            JsonSerializer.SerializeToElement(new { }), new Dictionary<string, int> { ["PERSON"] = 1 }, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)]));
        Api.Answer("/api/tasks", new List<TaskSummary>([summary, .. others]));
    }

    [Fact]
    public void AnUnknownTask_SaysSo()
    {
        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("No such task", page.Markup, StringComparison.Ordinal));
    }
}
