using SlmPlatform.Contracts;

namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class TaskNamesTests
{
    [Theory]
    [InlineData("You classify warehouse tickets by urgency. Reply with one word.", "classify-warehouse-tickets-urgency")]
    [InlineData("You are a helpful assistant.\nExtract the shipment's tracking number and carrier as JSON.", "extract-shipment-tracking-number")]
    [InlineData("Act as an expert translator: turn French menus into English.", "translator")]
    [InlineData("You're the pricing bot for a bike shop. Quote repairs.", "pricing-bot-bike-shop")]
    [InlineData("Summarise the meeting notes in 3 bullet points", "summarise-meeting-notes-bullet")]
    [InlineData("Résumez le ticket du client.", "résumez-le-ticket-du")]
    public void Instruction_IsTheFirstSentenceThatSaysWhatToDo_InUpToFourWords(string prompt, string expected) =>
        Assert.Equal(expected, TaskNames.Instruction(prompt));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("You are a helpful assistant.")]
    [InlineData("{{ }} 42 !!!")]
    public void Instruction_IsNull_WhenNoSentenceSaysWhatToDo(string? prompt) => Assert.Null(TaskNames.Instruction(prompt));

    [Fact]
    public void ForCallSite_PrefersTheWorkloadTag_ThenTheInstruction_ThenTheKindOfOutput()
    {
        Assert.Equal(("shop/route-intent", TaskNameSources.Workload), TaskNames.ForCallSite("shop", "route-intent", "Sort mail.", OutputKinds.Json));
        Assert.Equal(("shop/sort-mail", TaskNameSources.Instruction), TaskNames.ForCallSite("shop", null, "Sort mail.", OutputKinds.Json));
        Assert.Equal(("shop/tool-calls", TaskNameSources.Structure), TaskNames.ForCallSite("shop", null, null, OutputKinds.ToolCall));
        Assert.Equal(("shop/text-answers", TaskNameSources.Structure), TaskNames.ForCallSite("shop", null, "You are an AI assistant.", OutputKinds.Text));
    }

    [Fact]
    public void FromTopics_TakesTheLeadingWordOfTheLargestTopics_WithoutRepeats_AndNothingWithoutAWord()
    {
        IReadOnlyList<string>[] bySize = [["weather", "forecast"], ["the", "flight"], ["weather", "rain"], ["stock"], ["recipe"]];

        Assert.Equal("bot/tool-calls-weather-flight-stock", TaskNames.FromTopics("bot", OutputKinds.ToolCall, bySize));
        Assert.Null(TaskNames.FromTopics("bot", OutputKinds.Json, []));
        Assert.Null(TaskNames.FromTopics("bot", OutputKinds.Json, [["the", "of"]]));
    }
}
