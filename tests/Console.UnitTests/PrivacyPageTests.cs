using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class PrivacyPageTests : ConsoleTestContext
{
    private static readonly Guid ErasureId = Guid.NewGuid();

    [Fact]
    public void TheScrubReport_IsChartedByDayAndType_AndTotalled()
    {
        Api.Answer("/api/scrub/report", Report());

        var page = Render<Privacy>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".replacements-chart svg")));
        Assert.Contains("EMAIL_ADDRESS", page.Find(".replacements-chart").TextContent, StringComparison.Ordinal);
        var totals = page.Find("table").TextContent;
        Assert.Contains("PERSON", totals, StringComparison.Ordinal);
        Assert.Contains("12", totals, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingScrubbedYet_SaysHowToSendCalls()
    {
        Api.Answer("/api/scrub/report", new ScrubReport(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, "day", [], new Dictionary<string, long>()));

        var page = Render<Privacy>();

        page.WaitForAssertion(() => Assert.Contains("5100", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void ErasingAnAgent_PostsItsName_AndShowsWhatEachStoreDeleted()
    {
        Api.Answer("/api/scrub/report", Report());
        Api.AnswerTo(HttpMethod.Post, "/api/erasures", HttpStatusCode.Accepted, Status("complete"));
        var page = Render<Privacy>();
        page.WaitForAssertion(() => page.Find("#erase_target"));

        page.Find("#erase_target").Change("support-bot");
        page.Find("form.filter-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("complete", page.Find("h3").TextContent, StringComparison.Ordinal));
        var sent = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Contains("\"agent\":\"support-bot\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains(SignedInKey, sent.Authorization, StringComparison.Ordinal);
        var deleted = page.FindAll("table")[^1].TextContent;
        Assert.Contains("task_calls", deleted, StringComparison.Ordinal);
        Assert.Contains("models_trained_on_them", deleted, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErasureInProgress_IsReadAgainUntilComplete()
    {
        Api.Answer("/api/scrub/report", Report());
        Api.AnswerTo(HttpMethod.Post, "/api/erasures", HttpStatusCode.Accepted, Status("in_progress", "training"));
        Api.Answer($"/api/erasures/{ErasureId}", Status("complete"));
        var page = Render<Privacy>();
        page.WaitForAssertion(() => page.Find("#erase_target"));

        page.Find("#erase_target").Change("support-bot");
        page.Find("form.filter-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Waiting for: training", page.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("complete", page.Find("h3").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/erasures/{ErasureId}");
    }

    [Fact]
    public void AKeyWithoutTheAdminScope_IsToldSo()
    {
        Api.Answer("/api/scrub/report", Report());
        Api.AnswerTo(HttpMethod.Post, "/api/erasures", HttpStatusCode.Forbidden);
        var page = Render<Privacy>();
        page.WaitForAssertion(() => page.Find("#erase_target"));

        page.Find("#erase_target").Change("support-bot");
        page.Find("form.filter-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("scope", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("h3"));
    }

    private static ScrubReport Report()
    {
        var today = DateTimeOffset.UtcNow.Date;
        return new ScrubReport(today.AddDays(-1), today.AddDays(1), "day",
            [
                new ScrubReportBucket(today.AddDays(-1), 10, new Dictionary<string, long> { ["PERSON"] = 5, ["EMAIL_ADDRESS"] = 2 }),
                new ScrubReportBucket(today, 8, new Dictionary<string, long> { ["PERSON"] = 7 }),
            ],
            new Dictionary<string, long> { ["PERSON"] = 12, ["EMAIL_ADDRESS"] = 2 });
    }

    private static ErasureStatus Status(string status, params string[] waitingFor) => new(
        ErasureId, "agent", "support-bot", DateTimeOffset.UtcNow, status,
        new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            ["calls"] = new Dictionary<string, long> { ["calls"] = 3, ["parked_calls"] = 0 },
            ["tasks"] = new Dictionary<string, long> { ["task_calls"] = 3, ["call_vectors"] = 3 },
            ["training"] = new Dictionary<string, long> { ["datasets"] = 1, ["models_trained_on_them"] = 1 },
        },
        waitingFor);
}
