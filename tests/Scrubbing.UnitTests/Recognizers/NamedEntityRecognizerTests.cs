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
    [InlineData("They sang the verses from Odila F. Marsk at the concert.", "Odila F. Marsk")]
    [InlineData("Please remove my kid Zbyszko from the policy.", "Zbyszko")]
    [InlineData("\"Not again,\" says Oddvarsson.", "Oddvarsson")]
    [InlineData("the film was directed by Brannagh Tull last year", "Brannagh Tull")]
    [InlineData("hi my name is zdenka", "zdenka")]
    [InlineData("follow up with jennifer okonkwo next week", "jennifer okonkwo")]
    public void Person_NamesAfterNewCuesAndShapes_AreFound(string text, string expected)
    {
        Assert.Contains(expected, _people.Found(text));
    }

    [Theory]
    [InlineData("Take Vitamin D Supplements daily.")] // an initial without a dot needs a known name beside it
    [InlineData("i asked about it but she said nothing")] // a first name after a pronoun ("said") is a verb
    [InlineData("maria wants the report by friday")] // the word after a name that opens a clause is its verb
    public void Person_ShapesThatAreNoNames_AreNotFound(string text)
    {
        Assert.DoesNotContain(_people.Found(text), f => f.Contains(' ', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We loved Anna Smirnova's Cautionary Tales.", "Anna Smirnova")]
    [InlineData("Mrs. Greta Lindqvist Apt. 12 5 Elm Street", "Greta Lindqvist")]
    public void Person_PossessiveOrUnitWordAfterName_EndsTheName(string text, string expected)
    {
        Assert.Equal(expected, _people.Found(text)[0]);
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

    [Theory]
    [InlineData("We moved here from Zwarvik last spring.", "Zwarvik")]
    [InlineData("I'm in Kelmoor, at the conference", "Kelmoor")]
    [InlineData("I am in Brantholm for a business trip", "Brantholm")]
    [InlineData("Mr. Leiva flew to QUARNSTEDT on Tuesday.", "QUARNSTEDT")]
    [InlineData("They returned to Ostravik by train.", "Ostravik")]
    public void Location_UnknownTownAfterAPhraseThatPlacesIt_IsFound(string text, string expected)
    {
        Assert.Contains(expected, _places.Found(text));
    }

    [Theory]
    [InlineData("I'm in LOVE with this song")] // a common word in capitals
    [InlineData("I am in CHARGE of the budget")]
    [InlineData("Please reach out to NASA about it")] // capitals without a phrase that places them
    [InlineData("I'm in a meeting until noon")]
    public void Location_CapitalsOrOrdinaryWordsAfterPlacingPhrase_AreNotPlaces(string text)
    {
        Assert.Empty(_places.Found(text));
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

    [Theory]
    [InlineData("The shop is at 4410 27 Harbour Road, Leeds.", "4410 27 Harbour Road, Leeds")]
    [InlineData("Mrs. Greta Lindqvist Apt. 12 5 Elm Street", "Apt. 12 5 Elm Street")]
    [InlineData("see version 1.2 345 Main Street", "345 Main Street")] // a dotted number is no building number
    [InlineData("call 555 0134 12 Elm Street", "12 Elm Street")] // nor is a group of a phone number
    public void StreetAddress_NumberBeforeTheHouseNumber_IsPartOfTheAddress(string text, string expected)
    {
        Assert.Equal([expected], _streets.Found(text));
    }

    [Theory]
    [InlineData("Send it to PSC 4411, Box 2210\nAPO AE 09012 please", "PSC 4411, Box 2210\nAPO AE 09012")]
    [InlineData("it is USNS Mercy\nFPO AP 96672", "USNS Mercy\nFPO AP 96672")]
    [InlineData("unit 4526 box 0671 dpo ap 40902", "unit 4526 box 0671 dpo ap 40902")]
    public void StreetAddress_MilitaryMail_IsAnAddress(string text, string expected)
    {
        Assert.Equal([expected], _streets.Found(text));
    }

    [Fact]
    public void StreetAddress_ShipWithoutItsPostOffice_IsNoAddress()
    {
        Assert.Empty(_streets.Found("The USS Enterprise docked in the morning."));
    }

    [Fact]
    public void StreetAddress_QuotedBlock_IsOneAddress()
    {
        const string text = "> 12 Elm Street\n> Suite 4\n> Springfield";

        Assert.Equal([text[2..]], _streets.Found(text));
    }

    [Theory]
    [InlineData("we moved here from portugal", "portugal")]
    [InlineData("i'm originally from new zealand", "new zealand")]
    public void Location_LowerCasePlaceAfterPlacingPhrase_IsFound(string text, string expected)
    {
        Assert.Equal([expected], _places.Found(text));
    }

    [Fact]
    public void Location_KnownTownInCapitalsAfterAPreposition_IsFound()
    {
        Assert.Equal(["MUNICH"], _places.Found("the office in MUNICH is closed"));
        Assert.Empty(_places.Found("we wrote it in PYTHON and JSON"));
    }

    [Theory]
    [InlineData("she lives in harmony with nature")]
    [InlineData("we moved here from jordan")] // also a given name: needs its capital
    public void Location_LowerCaseWordsThatAreAlsoOtherThings_AreNotPlaces(string text)
    {
        Assert.Empty(_places.Found(text));
    }

    [Fact]
    public void StreetAddress_NumberBeforeOrdinaryWords_IsNoAddress()
    {
        Assert.Empty(_streets.Found("We shipped 12 Large Boxes and 3 Small Ones."));
    }

    [Theory]
    [InlineData("From May our address is the corner of 12 Brook Lane and Elisabeth Parks.", "12 Brook Lane and Elisabeth Parks")]
    [InlineData("Meet me at the corner of Elm Street and Mathias Pass tonight", "Elm Street and Mathias Pass")]
    [InlineData("wait near the corner of 11 Alder Road St. and Kestrel Gateway St.", "11 Alder Road St. and Kestrel Gateway St")]
    [InlineData("it is the junction of harbour road 7 and mill courts", "harbour road 7 and mill courts")]
    public void Intersection_TwoStreetsAfterCornerOf_AreOneAddress(string text, string expected)
    {
        Assert.Equal([expected], new IntersectionRecognizer().Found(text));
    }

    [Theory]
    [InlineData("I saw it out of the corner of my eye and then it left.")]
    [InlineData("Put the plant in the corner of the room and water it.")]
    [InlineData("Research at the intersection of Design and Engineering")]
    [InlineData("the corner of Main Street\nand then we left")] // a line break closes the address
    public void Intersection_CornersThatAreNoStreets_AreNotAddresses(string text)
    {
        Assert.Empty(new IntersectionRecognizer().Found(text));
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
