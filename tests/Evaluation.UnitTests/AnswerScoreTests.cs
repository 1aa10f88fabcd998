namespace SlmPlatform.Evaluation.UnitTests;

public sealed class AnswerScoreTests
{
    [Fact]
    public void JsonAnswers_AreEquivalentWhateverTheKeyOrderSpacingOrFence()
    {
        var score = AnswerScore.Compare("```json\n{ \"b\": 2.0, \"a\": \"x\" }\n```", """{"a":"x","b":2}""");

        Assert.False(score.ExactMatch);
        Assert.True(score.JsonValid);
        Assert.True(score.JsonEquivalent);
        Assert.True(score.JsonShape);
    }

    [Fact]
    public void AnotherLabel_HasTheShapeButIsNotEquivalent()
    {
        var score = AnswerScore.Compare("""{"intent": "card_arrival"}""", """{"intent": "exchange_rate"}""");

        Assert.True(score.JsonShape);
        Assert.False(score.JsonEquivalent);
    }

    [Fact]
    public void BrokenJson_IsInvalid()
    {
        var score = AnswerScore.Compare("""{"intent": "card_arrival" """, """{"intent": "card_arrival"}""");

        Assert.False(score.JsonValid);
        Assert.False(score.JsonEquivalent);
    }

    [Fact]
    public void Text_IsComparedExactly_ButForWhitespace()
    {
        Assert.True(AnswerScore.Compare("  refund   approved ", "refund approved").ExactMatch);
        Assert.False(AnswerScore.Compare("Refund approved", "refund approved").ExactMatch);
        Assert.Null(AnswerScore.Compare("refund approved", "refund approved").JsonValid);
    }

    [Fact]
    public void Report_CountsEachMeasureOverTheExamplesItAppliesTo()
    {
        var report = EvaluationReport.Of(
        [
            AnswerScore.Compare("""{"a": 1}""", """{"a": 1}"""),
            AnswerScore.Compare("""{"a": 2}""", """{"a": 1}"""),
            AnswerScore.Compare("yes", "yes"),
        ]);

        Assert.Equal(3, report.Examples);
        Assert.Equal(new Proportion(2, 3), report.ExactMatch);
        Assert.Equal(new Proportion(1, 2), report.JsonEquivalent);
        Assert.Equal(report.JsonEquivalent, report.Primary);
    }
}
