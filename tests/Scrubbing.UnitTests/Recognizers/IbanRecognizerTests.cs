namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class IbanRecognizerTests
{
    private readonly IbanRecognizer _recognizer = new();

    [Theory]
    [InlineData("pay DE89370400440532013000 now", "DE89370400440532013000")]
    [InlineData("pay DE89 3704 0044 0532 0130 00 now", "DE89 3704 0044 0532 0130 00")]
    [InlineData("GB82 WEST 1234 5698 7654 32.", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("FR1420041010050500013M02606", "FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300")]
    [InlineData("Norway NO9386011117947", "NO9386011117947")]
    [InlineData("(BE68 5390 0754 7034)", "BE68 5390 0754 7034")]
    [InlineData("my iban is gb82west12345698765432", "gb82west12345698765432")]
    public void Recognize_ValidIban_ReturnsIban(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Fact]
    public void Recognize_GroupedIbanFollowedByCapitals_StopsAtCountryLength()
    {
        Assert.Equal(["DE89 3704 0044 0532 0130 00"], _recognizer.Found("DE89 3704 0044 0532 0130 00 AND MORE"));
    }

    [Theory]
    [InlineData("DE88370400440532013000")] // check digits off by one
    [InlineData("DE89370400440532013001")] // account digit changed
    [InlineData("GB82WEST12345698765431")]
    [InlineData("DE8937040044053201300")] // one short of Germany's 22
    [InlineData("DE893704004405320130001")] // one too many
    [InlineData("XX89370400440532013000")] // not a country
    [InlineData("ABCDE89370400440532013000")] // inside a longer token
    [InlineData("Gb82WEST12345698765432")] // mixed-case country code
    public void Recognize_InvalidIban_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_InvalidCandidateBeforeValidOne_StillFindsValidOne()
    {
        Assert.Equal(["GB82WEST12345698765432"], _recognizer.Found("XX12 GB82WEST12345698765432"));
    }

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("de89370400440532013000", true)]
    [InlineData("DE88370400440532013000", false)]
    [InlineData("DE00370400440532013000", false)]
    public void IbanChecksumIsValid_Iban_ReturnsExpected(string iban, bool expected)
    {
        Assert.Equal(expected, IbanChecksum.IsValid(iban));
    }
}
