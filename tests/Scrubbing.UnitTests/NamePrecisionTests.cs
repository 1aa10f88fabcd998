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

        // Covered, not necessarily exact: "Day" is also a surname, so "Day Jessica Okafor" is one span today. Masked
        // as a name: two unknown words after "glad" may be read as a firm, which hides them just as well.
        Assert.Contains(result.Entities, e => e.EntityType is EntityTypes.Person or EntityTypes.Organization && e.Start <= start && e.End >= start + name.Length);
        Assert.DoesNotContain(name, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yesterday I had lunch with Oluwaseun Adeyemi-Okafor.", "Oluwaseun Adeyemi-Okafor")]
    [InlineData("Escalated by Hana. Customer Tuomo Ilkka Karjalainen wants a call.", "Tuomo Ilkka Karjalainen")]
    public void Scrub_PartOfANameFound_MasksTheWholeName(string text, string name)
    {
        var result = _scrubber.Scrub(text);

        foreach (var word in name.Split(' '))
        {
            Assert.DoesNotContain(word, result.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Dear Maria Garcia, thank you.", "Dear")]
    [InlineData("Unfortunately Maria Garcia could not attend.", "Unfortunately")]
    [InlineData("Ask the CEO Maria Garcia first.", "CEO")]
    public void Scrub_WideningANameSpan_StopsAtCommonWordsAndAcronyms(string text, string kept)
    {
        var result = _scrubber.Scrub(text);

        Assert.DoesNotContain("Garcia", result.Text, StringComparison.Ordinal);
        Assert.Contains(kept, result.Text, StringComparison.Ordinal);
    }
}
