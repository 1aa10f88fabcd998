namespace SlmPlatform.Evaluation.UnitTests;

public sealed class SemanticMatchTests
{
    [Fact]
    public void Report_FreeTextAnswersWithSimilarities_CountSemanticMatchesAtTheThreshold_AndRestOnThem()
    {
        AnswerScore[] scores =
        [
            AnswerScore.Compare("Your card arrives in three days.", "The card will be with you in 3 days.").WithSimilarity(0.93),
            AnswerScore.Compare("Please reset your PIN at an ATM.", "You can change the PIN at any cash machine.").WithSimilarity(0.91),
            AnswerScore.Compare("We do not charge for that.", "A fee of 2 % applies.").WithSimilarity(0.42),
        ];

        var report = EvaluationReport.Of(scores, similarityThreshold: 0.9);

        Assert.Equal(new Proportion(2, 3), report.SemanticMatch);
        Assert.Equal((0.93 + 0.91 + 0.42) / 3, report.MeanSimilarity!.Value, 9);
        Assert.Equal("semantic_match", report.PrimaryMeasure);
        Assert.Equal(new Proportion(0, 3), report.ExactMatch);
    }

    [Fact]
    public void Compare_JsonAndToolCallAnswers_AreNotFreeText_SoJsonAndToolMeasuresStayPrimary()
    {
        var json = AnswerScore.Compare("{\"intent\": \"lost_card\"}", "{\"intent\": \"lost_card\"}");

        Assert.False(json.IsFreeText);
        Assert.True(AnswerScore.Compare("fine", "good").IsFreeText);
        Assert.Equal("json_equivalent", EvaluationReport.Of([json]).PrimaryMeasure);
        Assert.Null(EvaluationReport.Of([json]).SemanticMatch);
    }
}
