namespace SlmPlatform.Evaluation.UnitTests;

public sealed class FewShotPromptTests
{
    private sealed record Example(string Id, string Class);

    [Fact]
    public void Choose_TakesOneOfEachClassBeforeASecondOfAny()
    {
        Example[] train = [new("a3", "x"), new("a1", "x"), new("b1", "y"), new("a2", "x"), new("c1", "z")];

        var chosen = FewShotPrompt.Choose(train, e => e.Class, e => e.Id, 4);

        Assert.Equal(["a1", "b1", "c1", "a2"], chosen.Select(e => e.Id));
    }

    [Fact]
    public void Choose_IsTheSameWhateverTheOrderTheSplitWasReadIn()
    {
        Example[] train = [new("a1", "x"), new("b2", "y"), new("b1", "y"), new("a2", "x")];

        var forwards = FewShotPrompt.Choose(train, e => e.Class, e => e.Id, 3);
        var backwards = FewShotPrompt.Choose(train.Reverse(), e => e.Class, e => e.Id, 3);

        Assert.Equal(forwards, backwards);
    }

    [Fact]
    public void Choose_GivesWhatThereIsWhenTheSplitIsSmallerThanK()
    {
        Assert.Single(FewShotPrompt.Choose([new Example("a1", "x")], e => e.Class, e => e.Id, 3));
        Assert.Empty(FewShotPrompt.Choose(Array.Empty<Example>(), e => e.Class, e => e.Id, 3));
        Assert.Empty(FewShotPrompt.Choose([new Example("a1", "x")], e => e.Class, e => e.Id, 0));
    }

    [Fact]
    public void Build_PutsTheShotsAfterTheSystemPromptAndBeforeTheQuestion()
    {
        var question = Json("""[{"role":"system","content":"Route."},{"role":"user","content":"Where is my card?"}]""");
        var shot = (Json("""[{"role":"system","content":"Route."},{"role":"user","content":"I lost it"}]"""), Json("""{"role":"assistant","content":"{\"intent\":\"lost_card\"}"}"""));

        var messages = FewShotPrompt.Build(question, [shot, shot]).EnumerateArray().ToList();

        Assert.Equal(["system", "user", "assistant", "user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Route.", messages[0].GetProperty("content").GetString());
        Assert.Equal("I lost it", messages[1].GetProperty("content").GetString());
        Assert.Equal("""{"intent":"lost_card"}""", messages[2].GetProperty("content").GetString());
        Assert.Equal("Where is my card?", messages[^1].GetProperty("content").GetString());
    }

    [Fact]
    public void Build_WithoutShots_IsTheRequestItself()
    {
        var question = Json("""[{"role":"user","content":"Hi"}]""");

        Assert.Equal(question.GetRawText(), FewShotPrompt.Build(question, []).GetRawText());
    }

    [Fact]
    public void Build_FollowsAToolCallingAnswerWithAResultPerCall()
    {
        var question = Json("""[{"role":"user","content":"Weather in Oslo?"}]""");
        var answer = Json("""{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"weather","arguments":"{}"}}]}""");

        var messages = FewShotPrompt.Build(question, [(Json("""[{"role":"user","content":"Weather in Rome?"}]"""), answer)]).EnumerateArray().ToList();

        Assert.Equal(["user", "assistant", "tool", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("call_1", messages[2].GetProperty("tool_call_id").GetString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
