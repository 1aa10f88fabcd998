using System.Text.Json;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class PromotionsPageTests : ConsoleTestContext
{
    private static readonly TaskSummary Refunds = StubPlatformApi.Task("refund questions", 900);

    private static PromotionDecision Recommended(string review) => new(
        Refunds.Id, Guid.NewGuid(), PromotionActions.Canary, review == PromotionReviews.Approved, "Recommended (manual approval): online agreement 0.97 reaches the bar.",
        0.97, 0.951, 320, new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero), Guid.NewGuid(), review);

    [Fact]
    public void APendingRecommendation_IsApprovedWithTheSignedInKey_AndTheListsAreReadAgain()
    {
        var waiting = Recommended(PromotionReviews.Pending);
        AnswerPage(new PromotionPolicy(Approvals.Manual), [waiting], [waiting]);
        Api.AnswerTo(HttpMethod.Post, $"/api/tasks/{Refunds.Id}/promotions/{waiting.DecisionId}/approve", HttpStatusCode.OK, waiting with { Review = PromotionReviews.Approved, Applied = true });
        var page = Render<Promotions>();
        page.WaitForAssertion(() => Assert.Contains("refund questions", page.Find("[aria-label='Recommendations waiting for approval']").TextContent, StringComparison.Ordinal));
        Assert.Contains("to canary", page.Markup, StringComparison.Ordinal);

        page.Find("fluent-button[aria-label='Approve: refund questions to canary']").Click();

        page.WaitForAssertion(() => Assert.Contains("Approved: refund questions — to canary", page.Markup, StringComparison.Ordinal));
        var approval = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal($"Bearer {SignedInKey}", approval.Authorization);
        Assert.Equal(2, Api.Requests.Count(r => r.PathAndQuery == "/api/promotions?review=pending"));
    }

    [Fact]
    public void ARecommendationNoLongerPending_IsRefusedInWords()
    {
        var waiting = Recommended(PromotionReviews.Pending);
        AnswerPage(new PromotionPolicy(Approvals.Manual), [waiting], [waiting]);
        Api.AnswerTo(HttpMethod.Post, $"/api/tasks/{Refunds.Id}/promotions/{waiting.DecisionId}/reject", HttpStatusCode.Conflict,
            new { title = "Not pending", detail = "This recommendation is superseded; only the task's newest recommendation that nobody reviewed yet can be approved or rejected." });
        var page = Render<Promotions>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("fluent-button[aria-label='Reject: refund questions to canary']")));

        page.Find("fluent-button[aria-label='Reject: refund questions to canary']").Click();

        page.WaitForAssertion(() => Assert.Contains("This recommendation is superseded", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void UnderAutomaticApproval_NothingWaits_AndThePageSaysHowToDecideByHand()
    {
        var applied = Recommended(PromotionReviews.Approved) with { Review = null, Reason = "Online agreement 0.97 reaches the bar.", Applied = true };
        AnswerPage(new PromotionPolicy(), [], [applied]);

        var page = Render<Promotions>();

        page.WaitForAssertion(() => Assert.Contains("Choose manual approval below", page.Markup, StringComparison.Ordinal));
        Assert.Contains("applied", page.Find("[aria-label='Promotion decisions, newest first']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingThePolicy_SendsEveryField_AndARefusedFieldIsNamed()
    {
        AnswerPage(new PromotionPolicy(), [], []);
        Api.AnswerTo(HttpMethod.Put, "/api/promotion-policy", HttpStatusCode.BadRequest,
            new { errors = new Dictionary<string, string[]> { ["bar"] = ["Must be more than 0 and at most 1."] } });
        var page = Render<Promotions>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("form")));

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("bar: Must be more than 0 and at most 1.", page.Markup, StringComparison.Ordinal));
        var sent = JsonSerializer.Deserialize<JsonElement>(Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put).Body!);
        Assert.Equal("automatic", sent.GetProperty("approval").GetString());
        Assert.Equal(0.95, sent.GetProperty("bar").GetDouble());
        Assert.Equal(100, sent.GetProperty("min_online_samples").GetInt32());
    }

    private void AnswerPage(PromotionPolicy policy, List<PromotionDecision> pending, List<PromotionDecision> all)
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { Refunds });
        Api.Answer("/api/promotion-policy", policy);
        Api.Answer("/api/promotions?review=pending", pending);
        Api.Answer("/api/promotions", all);
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 0, 0, 0, 0, []));
    }
}
