namespace SlmPlatform.Scrubbing.UnitTests;

/// <summary>
/// Capitalised words that open sentences, follow "I'm", name periodicals and laws or open holidays are no names,
/// and real names beside them are still found (the whole pipeline: rules and the tagger together).
/// </summary>
public sealed class NamePrecisionTests
{
    private readonly TextScrubber _scrubber = DefaultRecognizers.CreateScrubber();

    [Theory]
    [InlineData("Unfortunately, the parcel is late again.")]
    [InlineData("Cool, what time does it start?")]
    [InlineData("I'm glad the refund went through.")]
    [InlineData("i'm sure it will work this time")]
    [InlineData("We closed the office on Labor Day and Memorial Day.")]
    [InlineData("Title VII of the act protects employees.")]
    [InlineData("He listed the song in the Weekly charts.")]
    public void Scrub_CapitalisedWordsThatAreNoNames_FlagsNoPerson(string text)
    {
        var result = _scrubber.Scrub(text);

        Assert.DoesNotContain(result.Entities, e => e.EntityType == EntityTypes.Person);
    }

    [Theory]
    [InlineData("Unfortunately, Maria Garcia could not attend.", "Maria Garcia")]
    [InlineData("I'm glad Oluwaseun Adeyemi joined us.", "Oluwaseun Adeyemi")]
    [InlineData("On Labor Day Jessica Okafor flew home.", "Jessica Okafor")]
    public void Scrub_NameBesideSuchWords_IsStillMasked(string text, string name)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);

        var result = _scrubber.Scrub(text);

        // Covered, not necessarily exact: "Day" is also a surname, so "Day Jessica Okafor" is one span today.
        Assert.Contains(result.Entities, e => e.EntityType == EntityTypes.Person && e.Start <= start && e.End >= start + name.Length);
        Assert.DoesNotContain(name, result.Text, StringComparison.Ordinal);
    }
}
