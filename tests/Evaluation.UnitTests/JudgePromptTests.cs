namespace SlmPlatform.Evaluation.UnitTests;

public sealed class JudgePromptTests
{
    [Theory]
    [InlineData("""{"same": true}""", true)]
    [InlineData("""{"same":false}""", false)]
    [InlineData("```json\n{\"same\": true}\n```", true)]
    public void Verdict_ReadsTheStrictAnswer(string reply, bool expected) => Assert.Equal(expected, JudgePrompt.Verdict(reply));

    [Theory]
    [InlineData("Yes, they are the same.")]
    [InlineData("""{"same": "yes"}""")]
    [InlineData("""{"verdict": true}""")]
    [InlineData("[true]")]
    [InlineData("")]
    [InlineData(null)]
    public void Verdict_IsNullForAnythingElse(string? reply) => Assert.Null(JudgePrompt.Verdict(reply));

    [Fact]
    public void UserTurn_GivesRequestReferenceAndCandidate_InThatOrder()
    {
        var question = JudgePrompt.UserTurn("Where is my card?", "On its way.", "It was posted.");

        Assert.True(question.IndexOf("Where is my card?", StringComparison.Ordinal) < question.IndexOf("On its way.", StringComparison.Ordinal));
        Assert.True(question.IndexOf("On its way.", StringComparison.Ordinal) < question.IndexOf("It was posted.", StringComparison.Ordinal));
    }
}
