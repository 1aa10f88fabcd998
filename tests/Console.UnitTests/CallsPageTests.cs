using System.Text.Json;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class CallsPageTests : ConsoleTestContext
{
    [Fact]
    public void Calls_ShowTheirLastUserMessageAndWhatWasReplaced()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 9) });
        var call = Call("c1", "Where is parcel 12? Write to ana.li@example.org", new() { ["EMAIL_ADDRESS"] = 1 }) with
        {
            StandIns = [new StandIn(StandIn.Request, "$.messages[1].content", "EMAIL_ADDRESS", 29, 18)],
        };
        Api.Answer("/api/calls", new CallPage([call], null));

        var page = Render<Calls>();

        page.WaitForAssertion(() => Assert.Contains("Where is parcel 12?", page.Find("table").TextContent, StringComparison.Ordinal));
        Assert.Contains("EMAIL_ADDRESS 1", page.Find("table").TextContent, StringComparison.Ordinal);
        var marked = page.Find("mark.stand-in");
        Assert.Equal("EMAIL_ADDRESS", marked.GetAttribute("data-type"));
        Assert.StartsWith("ana.li@example.org", marked.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NextAndPrevious_FollowTheApisCursor_AndTheFilterNamesTheAgent()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 9) });
        Api.Answer("/api/calls", new CallPage([Call("c1", "first page", [])], "41"));
        var page = Render<Calls>();
        page.WaitForAssertion(() => page.Find("table"));

        page.FindAll("fluent-button").Single(b => b.TextContent.Contains("Next page", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery.Contains("after=41", StringComparison.Ordinal)));
        page.FindAll("fluent-button").Single(b => b.TextContent.Contains("Previous page", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal(3, Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/calls", StringComparison.Ordinal))));
        Assert.DoesNotContain("after=", Api.Requests[^1].PathAndQuery, StringComparison.Ordinal);

        page.Find("#call_agent").Change("support bot");
        page.Find("form.filter-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("agent=support%20bot", Api.Requests[^1].PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public void ATaskAndDays_ListThatTasksCallsAsStored_InTheOrderTheTaskFiledThem()
    {
        var task = StubPlatformApi.Task("refund questions", 2);
        Api.Answer("/api/tasks", new List<TaskSummary> { task, StubPlatformApi.Task("card arrival", 9) });
        Api.Answer("/api/calls", new CallPage([Call("other", "not this task's", [])], null));
        Api.Answer($"/api/tasks/{task.Id}/calls", new TaskCallPage(
            [new TaskCall("r2", DateTimeOffset.UnixEpoch, null, null, null, null, "refund", 1), new TaskCall("r1", DateTimeOffset.UnixEpoch, null, null, null, null, "refund", 1)], "7"));
        Api.AnswerTo(HttpMethod.Post, "/api/calls/lookup", HttpStatusCode.OK, new CallLookupResult([Call("r1", "refund my order", []), Call("r2", "money back please", [])]));
        var page = Render<Calls>();
        page.WaitForAssertion(() => Assert.Contains("not this task's", page.Markup, StringComparison.Ordinal));

        var select = page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentSelect<TaskSummary>>().Single();
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(task.Id.ToString()));
        var from = page.FindComponents<Microsoft.FluentUI.AspNetCore.Components.FluentDatePicker>().Single(p => p.Instance.Id == "call_from");
        from.InvokeAsync(() => from.Instance.ValueChanged.InvokeAsync(new DateTime(2026, 12, 1)));
        page.Find("form.filter-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("money back please", page.Markup, StringComparison.Ordinal));
        var rows = page.Find("table").TextContent;
        Assert.True(rows.IndexOf("money back please", StringComparison.Ordinal) < rows.IndexOf("refund my order", StringComparison.Ordinal));
        Assert.DoesNotContain("not this task's", rows, StringComparison.Ordinal);
        Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/tasks/{task.Id}/calls?limit=50&from=2026-12-01");
        Assert.Equal(1, Api.Requests.Count(r => r.PathAndQuery.StartsWith("/api/calls?", StringComparison.Ordinal)));
    }

    [Fact]
    public void NoCallsYet_SaysHowToSendSome()
    {
        Api.Answer("/api/calls", new CallPage([], null));

        var page = Render<Calls>();

        page.WaitForAssertion(() => Assert.Contains("5100", page.Markup, StringComparison.Ordinal));
    }

    private static StoredCall Call(string id, string userText, Dictionary<string, int> replacements) => new(
        id, "support-bot", null, DateTimeOffset.UtcNow, 420, "success", "ingest",
        JsonSerializer.SerializeToElement(new { messages = new[] { new { role = "system", content = "You route." }, new { role = "user", content = userText } } }),
        JsonSerializer.SerializeToElement(new { choices = Array.Empty<object>() }),
        replacements, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
