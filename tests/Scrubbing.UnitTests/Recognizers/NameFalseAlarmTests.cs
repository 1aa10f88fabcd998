namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

/// <summary>Capitalised words in agents' prompts that are no names, and the same words where they are, with the
/// contextual tagger off (the default) and on.</summary>
public sealed class NameFalseAlarmTests
{
    private readonly TextScrubber[] _scrubbers = [DefaultRecognizers.CreateScrubber(), DefaultRecognizers.CreateScrubber(contextualTagger: true)];

    [Theory]
    [InlineData("The second sample is at a temperature of 300 Kelvin.", "Kelvin")]
    [InlineData("Heat 15 kg of water at 60 degree Celsius.", "Celsius")]
    [InlineData("It is 2pm in New York. Second, I am considering switching to a new job.", "Second")]
    [InlineData("Get the origin and founder information of Buddhism, and then do the same for Hinduism.", "Buddhism")]
    public void Scrub_WordThatOnlyLooksLikeAName_IsKept(string text, string word)
    {
        Assert.All(_scrubbers, scrubber => Assert.Contains(word, scrubber.Scrub(text).Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("My friend Kelvin Okafor will join the call.", "Kelvin")]
    [InlineData("Second Street is closed, said Kelvin Okafor.", "Kelvin")]
    public void Scrub_TheSameWordAsAName_IsStillReplaced(string text, string word)
    {
        Assert.All(_scrubbers, scrubber => Assert.DoesNotContain(word, scrubber.Scrub(text).Text, StringComparison.Ordinal));
    }
}
