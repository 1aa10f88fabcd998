namespace SlmPlatform.Evaluation.UnitTests;

public sealed class ToolCallMatcherTests
{
    private static JsonElement Message(params (string Name, string Arguments)[] calls) => JsonSerializer.SerializeToElement(new
    {
        role = "assistant",
        content = (string?)null,
        tool_calls = calls.Select((c, i) => new { id = $"call_{i}", type = "function", function = new { name = c.Name, arguments = c.Arguments } }),
    });

    [Fact]
    public void SameCall_WithStandardisedStringsAndIntegerForFloat_Matches()
    {
        var score = AnswerScore.Compare(
            Message(("get_weather", """{"city": "new york", "days": 3}""")),
            Message(("get_weather", """{"days": 3.0, "city": "New York"}""")));

        Assert.True(score.ToolNames);
        Assert.True(score.ToolCalls);
        Assert.True(score.ExactMatch);
    }

    [Theory]
    [InlineData("get_weather", """{"city": "Boston", "days": 3}""", true, false)]
    [InlineData("get_weather", """{"city": "New York"}""", true, false)]
    [InlineData("get_weather", """{"city": "New York", "days": 3, "units": "metric"}""", true, false)]
    [InlineData("get_forecast", """{"city": "New York", "days": 3}""", false, false)]
    [InlineData("get_weather", "not json", true, false)]
    public void AWrongArgumentOrName_DoesNotMatch(string name, string arguments, bool names, bool calls)
    {
        var score = AnswerScore.Compare(Message((name, arguments)), Message(("get_weather", """{"city": "New York", "days": 3}""")));

        Assert.Equal(names, score.ToolNames);
        Assert.Equal(calls, score.ToolCalls);
    }

    [Fact]
    public void ParallelCalls_MatchInAnyOrder_AndAMissingOneFails()
    {
        var teacher = Message(("add", """{"a": 1, "b": 2}"""), ("add", """{"a": 3, "b": 4}"""));

        Assert.True(AnswerScore.Compare(Message(("add", """{"a": 3, "b": 4}"""), ("add", """{"a": 1, "b": 2}""")), teacher).ToolCalls);
        Assert.False(AnswerScore.Compare(Message(("add", """{"a": 1, "b": 2}""")), teacher).ToolNames);
    }

    [Fact]
    public void AnAnswerInTextWhereTheTeacherCalledATool_Fails()
    {
        var text = JsonSerializer.SerializeToElement(new { role = "assistant", content = "The weather is fine." });

        var score = AnswerScore.Compare(text, Message(("get_weather", "{}")));

        Assert.False(score.ToolNames);
        Assert.False(score.ExactMatch);
    }
}
