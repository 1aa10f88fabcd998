namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class NameTaggerRecognizerTests
{
    private readonly NameTaggerRecognizer _tagger = new();

    [Theory]
    [InlineData("Please forward this to Maria Garcia before Friday.", "Maria Garcia")]
    [InlineData("Yesterday I had lunch with Maria Adeyemi-Okafor.", "Maria Adeyemi-Okafor")]
    public void Recognize_PeopleInSentences_AreFoundAsPersons(string text, string expected)
    {
        var found = _tagger.Recognize(text).Where(m => m.EntityType == EntityTypes.Person).Select(m => text.Substring(m.Start, m.Length));

        Assert.Contains(expected, found);
    }

    [Theory]
    [InlineData("She moved to Buenos Aires last year.", "Buenos Aires")]
    [InlineData("What is the weather in Jacksonville today?", "Jacksonville")]
    public void Recognize_Places_AreFoundAsLocations(string text, string expected)
    {
        var found = _tagger.Recognize(text).Where(m => m.EntityType == EntityTypes.Location).Select(m => text.Substring(m.Start, m.Length));

        Assert.Contains(expected, found);
    }

    [Theory]
    [InlineData("I live at 6750 Old Mill Road Apt. 12 if you need it.", "6750 Old Mill Road")]
    [InlineData("Ship it to 42 Birchwood Lane\nSpringfield, IL 62704", "42 Birchwood Lane")]
    public void Recognize_StreetAddresses_AreFoundWithTheStreet(string text, string street)
    {
        var addresses = _tagger.Recognize(text).Where(m => m.EntityType == EntityTypes.StreetAddress).Select(m => text.Substring(m.Start, m.Length));

        Assert.Contains(addresses, a => a.Contains(street, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Can you summarise the attached report in three bullet points?")]
    [InlineData("Write a Python function that parses JSON.")]
    [InlineData("host 10.0.0.1 is up")]
    [InlineData("value +44 25 6875 8235 here")]
    [InlineData("we need a lot more time")]
    public void Recognize_OrdinaryTextAndStructuredValues_FlagsNothing(string text)
    {
        Assert.Empty(_tagger.Recognize(text));
    }

    [Fact]
    public void Recognize_PossessiveAfterName_IsLeftOutOfTheSpan()
    {
        const string text = "We read Conor Whitlock's new book last week.";

        var people = Found(text, EntityTypes.Person);

        Assert.Contains("Conor Whitlock", people);
        Assert.DoesNotContain(people, p => p.EndsWith("'s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Yesterday I met Kate Begum. What's next on the list?", "What")]
    [InlineData("Ella Snider\nOtc Markets\nHelsinki", "Otc")]
    public void Recognize_NameBeforeSentenceEndOrLineBreak_StopsThere(string text, string notInName)
    {
        var people = Found(text, EntityTypes.Person);

        Assert.NotEmpty(people);
        Assert.DoesNotContain(people, p => p.Contains(notInName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The film was directed by Ingrid Valtonen and starring Valtonen.", "Valtonen")]
    [InlineData("They had three kids: Zorbek, Hannah and Michael.", "Zorbek")]
    [InlineData("Quilla: Where were you?\nMaria: At home.\nJohn: Fine.", "Quilla")]
    [InlineData("> Ingrid Valtonen\n> 12 Elm Street\n> Springfield", "Ingrid Valtonen")]
    [InlineData("Name:    Anđa Petrović", "Anđa Petrović")] // an unknown given name before a surname found alone
    public void Recognize_NamesTheRestOfTheTextVouchesFor_AreFound(string text, string name)
    {
        Assert.Contains(name, Found(text, EntityTypes.Person));
    }

    [Fact]
    public void Recognize_FieldLabelsBesideASpeaker_AreNoNames()
    {
        var people = Found("Maria: hello\nPhone: 555 0134\nEmail: a@example.com\nJohn: hi", EntityTypes.Person);

        Assert.DoesNotContain("Phone", people);
        Assert.DoesNotContain("Email", people);
    }

    [Theory]
    [InlineData("Asya spent a year at Acme as the assistant to Asya Petrova.", "spent")]
    [InlineData("This song by ex-Zombie Maria Garcia is a classic.", "ex-")]
    [InlineData("Hannah, Anthony and Derek came.", ",")]
    public void Recognize_WordsAroundAName_AreLeftOut(string text, string notInName)
    {
        var people = Found(text, EntityTypes.Person);

        Assert.NotEmpty(people);
        Assert.DoesNotContain(people, p => p.Contains(notInName, StringComparison.Ordinal));
    }

    [Fact]
    public void Recognize_FullNameBeforeAnAddress_IsNotPartOfIt()
    {
        const string text = "Lina Marsk\nLina Marsk\n2224 Trenerys gate 232\nTRONDHEIM";

        Assert.DoesNotContain(_tagger.Recognize(text), m => m.EntityType == EntityTypes.StreetAddress && text[m.Start..m.End].Contains("Lina", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Who's coming to the party with me?")]
    [InlineData("There's a new place downtown.")]
    public void Recognize_ContractionOpeningASentence_IsNoName(string text)
    {
        Assert.Empty(Found(text, EntityTypes.Person));
    }

    [Theory]
    [InlineData("Last year she flew to KORVALA on a Tuesday morning.", "KORVALA")]
    [InlineData("Ship it to 12 Birch Lane\nKORVALA\nFinland", "KORVALA")]
    public void Recognize_TownInCapitals_IsFound(string text, string town)
    {
        var spans = _tagger.Recognize(text).Select(m => text.Substring(m.Start, m.Length));

        Assert.Contains(spans, s => s.Contains(town, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I work for Pemberton & Sons now.", "Pemberton & Sons")]
    [InlineData("She joined Halvorsen Holdings in March.", "Halvorsen Holdings")]
    public void Recognize_FirmNames_AreFoundAsOrganizations(string text, string firm)
    {
        Assert.Contains(firm, Found(text, EntityTypes.Organization));
    }

    [Fact]
    public void Recognize_Scores_FollowTheMarginBetweenMinAndMax()
    {
        const string text = "Dear Ana Koskinen, your parcel for 12 Elm Street, Boston was sent by Lindqvist Ltd.";

        var scores = _tagger.Recognize(text).Select(m => m.Score).ToList();

        Assert.NotEmpty(scores);
        Assert.All(scores, s => Assert.InRange(s, 0.5, 0.9));
        Assert.True(scores.Distinct().Count() > 1, "a confidence per span, not one constant");
    }

    [Fact]
    public void Recognize_SameText_GivesTheSameSpansEveryTime()
    {
        const string text = "Dear Ana Koskinen, your parcel for 12 Elm Street, Boston was sent by Lindqvist Ltd.";

        var first = _tagger.Recognize(text).ToList();
        var second = new NameTaggerRecognizer().Recognize(text).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Recognize_SpansLieInsideTheText()
    {
        const string text = "Maria";

        Assert.All(_tagger.Recognize(text), m => Assert.InRange(m.End, m.Start, text.Length));
    }

    private List<string> Found(string text, string type) =>
        [.. _tagger.Recognize(text).Where(m => m.EntityType == type).Select(m => text.Substring(m.Start, m.Length))];
}
