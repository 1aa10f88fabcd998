namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class EmailRecognizerTests
{
    private readonly EmailRecognizer _recognizer = new();

    [Theory]
    [InlineData("write to jane.doe@example.com today", "jane.doe@example.com")]
    [InlineData("jane.doe+billing@mail.example.co.uk.", "jane.doe+billing@mail.example.co.uk")]
    [InlineData("<j_smith-99@sub-domain.example.org>", "j_smith-99@sub-domain.example.org")]
    [InlineData("mailto:ops@example.io", "ops@example.io")]
    public void Recognize_Address_ReturnsWholeAddress(string text, string expected)
    {
        var found = _recognizer.Found(text);

        Assert.Equal([expected], found);
    }

    [Fact]
    public void Recognize_AddressInUrlQuery_ReturnsOnlyTheAddress()
    {
        var found = _recognizer.Found("https://example.com/unsubscribe?user=jane@example.com&x=1");

        Assert.Equal(["jane@example.com"], found);
    }

    [Fact]
    public void Recognize_TwoAddresses_ReturnsBothWithOffsets()
    {
        const string text = "a@example.com, b@example.org";

        var matches = _recognizer.Recognize(text).ToList();

        Assert.Equal(
            [new EntityMatch(EntityTypes.EmailAddress, 0, 13, 1.0), new EntityMatch(EntityTypes.EmailAddress, 15, 13, 1.0)],
            matches);
    }

    [Theory]
    [InlineData("follow @jane on social media")]
    [InlineData("user@localhost is not routable")]
    [InlineData("package foo@1.2.3")]
    [InlineData("decorator @Override and a@b")]
    [InlineData("jane.doe at example dot com")]
    public void Recognize_NotAnAddress_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }
}
