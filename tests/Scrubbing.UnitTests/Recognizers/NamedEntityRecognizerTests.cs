namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class NamedEntityRecognizerTests
{
    private readonly PersonRecognizer _people = new();
    private readonly LocationRecognizer _places = new();
    private readonly StreetAddressRecognizer _streets = new();
    private readonly OrganizationRecognizer _organizations = new();

    [Theory]
    [InlineData("Please forward this to Maria Garcia before Friday.", "Maria Garcia")]
    [InlineData("Dr. Okonkwo will see you now.", "Okonkwo")]
    [InlineData("My name is Xiomara Quintero-Vidal.", "Xiomara Quintero-Vidal")]
    [InlineData("Jessica asked about the invoice.", "Jessica")]
    [InlineData("hi, my name is jessica", "jessica")]
    public void Person_NamesInContext_AreFound(string text, string expected)
    {
        Assert.Equal([expected], _people.Found(text));
    }

    [Theory]
    [InlineData("May I book a table for Friday?")]
    [InlineData("Will the Python script run on Linux?")]
    [InlineData("The API returns a JSON object with the fields Name and Address.")]
    [InlineData("<PERSON_1> wrote to <EMAIL_ADDRESS_2>.")]
    public void Person_OrdinaryCapitalisedWords_AreNotNames(string text)
    {
        Assert.Empty(_people.Found(text));
    }

    [Theory]
    [InlineData("She moved to Buenos Aires last year.", "Buenos Aires")]
    [InlineData("What is the weather in Jacksonville today?", "Jacksonville")]
    [InlineData("He was born in Nice.", "Nice")]
    [InlineData("Flights from Germany are delayed.", "Germany")]
    public void Location_Places_AreFound(string text, string expected)
    {
        Assert.Contains(expected, _places.Found(text));
    }

    [Fact]
    public void Location_AmbiguousWordWithoutContext_IsNotAPlace()
    {
        Assert.Empty(_places.Found("Nice work on the report."));
    }

    [Theory]
    [InlineData("I live at 6750 Old Mill Road Apt. 12, Springfield, IL 62704. Thanks!", "6750 Old Mill Road Apt. 12, Springfield, IL 62704")]
    [InlineData("Ship it to Hauptstraße 5\n10115 Berlin\nGermany please", "Hauptstraße 5\n10115 Berlin\nGermany")]
    [InlineData("Our office: 12 rue de la Paix, Paris.", "12 rue de la Paix, Paris")]
    [InlineData("Send it to P.O. Box 4411 today.", "P.O. Box 4411")]
    public void StreetAddress_Addresses_AreFoundWithTheirTail(string text, string expected)
    {
        Assert.Equal([expected], _streets.Found(text));
    }

    [Fact]
    public void StreetAddress_NumberBeforeOrdinaryWords_IsNoAddress()
    {
        Assert.Empty(_streets.Found("We shipped 12 Large Boxes and 3 Small Ones."));
    }

    [Theory]
    [InlineData("I work at Acme Widgets Inc. in sales.", "Acme Widgets Inc")]
    [InlineData("She studied at the University of Helsinki.", "University of Helsinki")]
    [InlineData("Hahn, Kemmer and Ward sent the contract.", "Hahn, Kemmer and Ward")]
    public void Organization_Suffixes_AreFound(string text, string expected)
    {
        Assert.Equal([expected], _organizations.Found(text));
    }
}
