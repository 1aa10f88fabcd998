namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class CreditCardRecognizerTests
{
    private readonly CreditCardRecognizer _recognizer = new();

    [Theory]
    [InlineData("visa 4111111111111111 ok", "4111111111111111")]
    [InlineData("visa 4111 1111 1111 1111 ok", "4111 1111 1111 1111")]
    [InlineData("mc 5500-0055-5555-5559.", "5500-0055-5555-5559")]
    [InlineData("amex 3782 822463 10005", "3782 822463 10005")]
    [InlineData("discover 6011111111111117", "6011111111111117")]
    [InlineData("visa-13 4222222222222", "4222222222222")]
    public void Recognize_LuhnValidCard_ReturnsCard(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Theory]
    [InlineData("visa 4111111111111112")]
    [InlineData("visa 4111 1111 1111 1113")]
    [InlineData("mc 5500-0055-5555-5550")]
    public void Recognize_LuhnInvalidCard_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Theory]
    [InlineData("order 123456789")]
    [InlineData("order 4111111111")] // a Visa prefix, but too short
    [InlineData("id 41111111111111111111")] // too long
    [InlineData("hash a4111111111111111b")] // part of a token
    [InlineData("zeros 0000 0000 0000 0000")]
    public void Recognize_NumberThatIsNotACard_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_LuhnValidWithoutIssuerPrefixUngrouped_ReturnsNothing()
    {
        // 13 digits, passes Luhn, looks like a millisecond timestamp: no card network starts with 1.
        const string timestamp = "1718035200001";
        Assert.True(Luhn.IsValid(timestamp));

        Assert.Empty(_recognizer.Found($"at {timestamp}"));
    }

    [Fact]
    public void Recognize_LuhnValidWithoutIssuerPrefixGrouped_ReturnsLowerScore()
    {
        var match = Assert.Single(_recognizer.Recognize("ref 1718 0352 0000 1"));

        Assert.Equal(0.5, match.Score);
    }

    [Theory]
    [InlineData("my credit card number is 675984103431", "675984103431")] // 12-digit Maestro
    [InlineData("charge card 1718035200001 again", "1718035200001")]
    public void Recognize_LuhnValidNextToCardWord_ReturnsCard(string text, string expected)
    {
        var match = Assert.Single(_recognizer.Recognize(text));

        Assert.Equal(expected, text.Substring(match.Start, match.Length));
        Assert.Equal(0.7, match.Score);
    }

    [Theory]
    [InlineData("ticket 675984103431")]
    [InlineData("my card number is 675984103432")] // fails Luhn
    [InlineData("card 67598410343")] // 11 digits
    public void Recognize_TwelveDigitsWithoutCardWordOrLuhn_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_KnownIssuer_ReturnsFullScore()
    {
        var match = Assert.Single(_recognizer.Recognize("4111111111111111"));

        Assert.Equal(new EntityMatch(EntityTypes.CreditCard, 0, 16, 1.0), match);
    }

    [Fact]
    public void Recognize_CardFollowedByExpiryDigits_ReturnsOnlyTheCard()
    {
        // The run of digits is "4111 1111 1111 1111 12", which fails Luhn as a whole.
        Assert.Equal(["4111 1111 1111 1111"], _recognizer.Found("card 4111 1111 1111 1111 12/26"));
    }

    [Fact]
    public void Recognize_QuantityBeforeCard_ReturnsOnlyTheCard()
    {
        Assert.Equal(["4111111111111111"], _recognizer.Found("qty 2 4111111111111111"));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("4111x11111111111", false)]
    [InlineData("", false)]
    public void LuhnIsValid_Digits_ReturnsExpected(string digits, bool expected)
    {
        Assert.Equal(expected, Luhn.IsValid(digits));
    }
}
