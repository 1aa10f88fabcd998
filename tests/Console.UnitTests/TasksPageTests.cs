using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class TasksPageTests : ConsoleTestContext
{
    [Fact]
    public void Tasks_AreListedBusiestFirst_AskedForWithTheSignedInKey()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("refund questions", 12), StubPlatformApi.Task("card arrival", 340) });

        var page = Render<Tasks>();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("tr").Select(r => r.TextContent).Where(t => t.Contains("questions", StringComparison.Ordinal) || t.Contains("arrival", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains("card arrival", rows[0], StringComparison.Ordinal);
        });
        Assert.All(Api.Authorizations, a => Assert.Equal($"Bearer {SignedInKey}", a));
    }

    [Fact]
    public void NoTasks_SaysHowToConnectAnAgent()
    {
        Api.Answer("/api/tasks", new List<TaskSummary>());

        var page = Render<Tasks>();

        page.WaitForAssertion(() => Assert.Contains("http://localhost:5100/v1", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("tr"));
    }

    [Fact]
    public void ARevokedKey_IsAMessage_NotAStackTrace()
    {
        Api.AnswerTo(HttpMethod.Get, "/api/tasks", HttpStatusCode.Unauthorized);

        var page = Render<Tasks>();

        page.WaitForAssertion(() => Assert.Contains("no longer accepted", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", page.Markup, StringComparison.Ordinal);
    }
}
