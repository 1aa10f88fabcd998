namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class ContextualPhoneNumberRecognizerTests
{
    private readonly ContextualPhoneNumberRecognizer _recognizer = new();

    [Theory]
    [InlineData("Name: Keiko Marlowe\nPhone: 0490 75 40 81\nE-mail: x", "0490 75 40 81")]
    [InlineData("Desk: +41 (0)96 471 07 95", "+41 (0)96 471 07 95")]
    [InlineData("Fax: 345-899-3560x4587", "345-899-3560x4587")]
    [InlineData("Can someone call me on 01.84.17.61.18? Thanks", "01.84.17.61.18")]
    [InlineData("416 60 039 office", "416 60 039")]
    [InlineData("mobile +447700 921 916", "+447700 921 916")]
    public void Recognize_PhoneShapeNextToPhoneWord_ReturnsNumber(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Theory]
    [InlineData("order 0490 75 40 81 shipped")] // no phone word
    [InlineData("Phone: 12 34")] // too few digits
    [InlineData("Phone: 1234 5678 9012 3456 7890")] // too many digits
    [InlineData("call scheduled for 2024-01-15")]
    [InlineData("called on 15.01.2024")]
    [InlineData("phone model X200 1234567a")]
    public void Recognize_NoPhoneWordOrNotAPhoneShape_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_Match_ScoresBelowValidatedRecognizer()
    {
        var contextual = Assert.Single(_recognizer.Recognize("call (415) 555-0132"));
        var validated = Assert.Single(new PhoneNumberRecognizer().Recognize("call (415) 555-0132"));

        Assert.True(contextual.Score < validated.Score);
    }
}
