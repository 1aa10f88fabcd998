namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class PromptTemplatesTests
{
    private static string Prompt(string customer) =>
        $"You are the banking assistant of {customer}, a premium customer since 2019. Classify the customer's message and answer with JSON.";

    [Theory]
    [InlineData("Katlyn Orn", "New Alexanneborough")]
    [InlineData("Gladys Schroeder", "Bradley Keebler")]
    public void OneTemplateWithDifferentValues_OverlapsAlmostWholly(string first, string second) =>
        Assert.True(PromptTemplates.WordOverlap(Prompt(first), Prompt(second)) >= 0.85);

    [Fact]
    public void DifferentInstructions_OverlapLittle() =>
        Assert.True(PromptTemplates.WordOverlap(
            Prompt("Katlyn Orn"),
            "Translate the user's message into French and answer with JSON {\"translation\": \"<text>\"}.") < 0.3);

    [Fact]
    public void Overlap_IsSymmetricAndOneForTheSamePrompt()
    {
        var a = "Route the message to one of: billing, cards, loans.";
        var b = "Route the message to one of: billing, cards.";

        Assert.Equal(1, PromptTemplates.WordOverlap(a, a));
        Assert.Equal(PromptTemplates.WordOverlap(a, b), PromptTemplates.WordOverlap(b, a));
        Assert.Equal(7.0 / 9, PromptTemplates.WordOverlap(a, b), 6);
    }
}
