namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class NationalPhoneNumberRecognizerTests
{
    private readonly NationalPhoneNumberRecognizer _recognizer = new();

    [Theory]
    [InlineData("the code went to 020 7946 0958 yesterday", "020 7946 0958")] // GB
    [InlineData("reach Anna on 030 1234 5678 please", "030 1234 5678")] // DE, "reach" alone is no phone word
    [InlineData("it is 01 23 45 67 89, thanks", "01 23 45 67 89")] // FR
    [InlineData("my number: 02 9876 5432.", "02 9876 5432")] // AU
    [InlineData("new one is 06-12345678", "06-12345678")] // NL mobile
    public void Recognize_ValidNationalNumberWithoutPhoneWord_ReturnsNumber(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Theory]
    [InlineData("order 0241234567 shipped")] // unbroken digits: an id, not a written phone number
    [InlineData("order 020 7946 0958 shipped")] // a phone-shaped value labelled as another identifier
    [InlineData("invoice no. 030 1234 5678")]
    [InlineData("on 01/02/2024 and 01.02.2024")] // dates
    [InlineData("meet on 05-06-2024")]
    [InlineData("ZIP 02134-1234, Boston")] // ZIP+4
    [InlineData("ZIP 02134")]
    [InlineData("SSN: 054-28-6917")] // a dashed SSN that fits a numbering plan
    [InlineData("Billing address: 03262 2437 Main St Suite 442")] // building and house number
    [InlineData("total 1 234 567 EUR")] // amounts have no trunk 0
    [InlineData("it costs 0 500 000 000 lira")] // not valid in any plan
    [InlineData("call 415-555-0132")] // a US number: PhoneNumberRecognizer's, not this one's
    [InlineData("build 0123 4567 8901 2345 6789")] // too many digits
    [InlineData("a1b 020 7946 0958x")] // glued to letters
    [InlineData("IBAN DE89 3704 0044 0532 0130 00")] // the tail of a longer grouped number
    [InlineData("number 4412 0201 234 5678 here")]
    public void Recognize_NumberThatIsNotANationalPhone_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_Match_ScoresBelowValidatedRecognizer()
    {
        var national = Assert.Single(_recognizer.Recognize("it went to 020 7946 0958"));

        Assert.Equal(EntityTypes.PhoneNumber, national.EntityType);
        Assert.True(national.Score < 0.75);
    }
}
