using SlmPlatform.Contracts;

namespace SlmPlatform.Routing.UnitTests;

public sealed class AnswerAgreementTests
{
    private static readonly OutputCheck Labels = new(OutputCheck.LabelKind, Labels: ["intent=card_arrival", "intent=exchange_rate"]);

    [Theory]
    [InlineData("""{"intent": "card_arrival"}""", """{ "intent":"card_arrival" }""", true)]
    [InlineData("""{"intent": "card_arrival"}""", """{"intent": "exchange_rate"}""", false)]
    [InlineData("Billing", "billing ", true)]
    public void Labels_AgreeWhenTheLabelIsTheSame(string specialist, string teacher, bool agreed) =>
        Assert.Equal(agreed, AnswerAgreement.Agree(Labels, Text(specialist), Text(teacher)));

    [Theory]
    [InlineData("""{"a": 2, "b": [1, "x"]}""", """{"b": [1, "x"], "a": 2.0}""", true)]
    [InlineData("""{"a": 2}""", """{"a": 3}""", false)]
    [InlineData("not json", "not json", false)]
    public void Json_AgreesWhenTheValueIsTheSame(string specialist, string teacher, bool agreed) =>
        Assert.Equal(agreed, AnswerAgreement.Agree(new OutputCheck(OutputCheck.JsonKind), Text(specialist), Text(teacher)));

    [Theory]
    [InlineData("search", """{"q": "Paris"}""", "search", """{"q": "paris"}""", true)]
    [InlineData("search", """{"q": "Paris"}""", "search", """{"q": "Rome"}""", false)]
    [InlineData("search", """{"q": "Paris"}""", "lookup", """{"q": "Paris"}""", false)]
    public void ToolCalls_AgreeOnNameAndArguments(string name, string arguments, string teacherName, string teacherArguments, bool agreed) =>
        Assert.Equal(agreed, AnswerAgreement.Agree(new OutputCheck(OutputCheck.ToolCallKind, Functions: [name, teacherName]),
            Call(name, arguments), Call(teacherName, teacherArguments)));

    [Theory]
    [InlineData("  The answer.\n", "The answer.", true)]
    [InlineData("The answer.", "the answer.", false)]
    public void Text_AgreesWhenTheSameOnceTrimmed(string specialist, string teacher, bool agreed) =>
        Assert.Equal(agreed, AnswerAgreement.Agree(new OutputCheck(OutputCheck.TextKind), Text(specialist), Text(teacher)));

    private static JsonElement Text(string content) => JsonSerializer.SerializeToElement(new { role = "assistant", content });

    private static JsonElement Call(string name, string arguments) => JsonSerializer.SerializeToElement(new
    {
        role = "assistant",
        content = (string?)null,
        tool_calls = new[] { new { id = "call_1", type = "function", function = new { name, arguments } } },
    });
}
