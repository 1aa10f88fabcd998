namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class UsSsnRecognizerTests
{
    private readonly UsSsnRecognizer _recognizer = new();

    [Theory]
    [InlineData("id 078-05-1120 on file", "078-05-1120")]
    [InlineData("SSN: 219-09-9999", "219-09-9999")]
    [InlineData("my social security number is 219 09 9999", "219 09 9999")]
    [InlineData("SSN 219099999", "219099999")]
    [InlineData("219099999 is my ssn", "219099999")]
    public void Recognize_Ssn_ReturnsSsn(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Theory]
    [InlineData("000-12-3456")] // area 000
    [InlineData("666-12-3456")] // area 666
    [InlineData("900-12-3456")] // area 900-999
    [InlineData("999-12-3456")]
    [InlineData("219-00-9999")] // group 00
    [InlineData("219-09-0000")] // serial 0000
    public void Recognize_NeverIssuedRange_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found($"SSN {text}"));
    }

    [Theory]
    [InlineData("order 219099999 shipped")]
    [InlineData("room 219 09 9999")]
    [InlineData("219-09-9999-1")]
    [InlineData("1219-09-9999")]
    [InlineData("219-09 9999")]
    public void Recognize_NoSsnShapeOrNoContext_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_DashedWithContext_ScoresHigherThanWithout()
    {
        var plain = Assert.Single(_recognizer.Recognize("ref 219-09-9999"));
        var withContext = Assert.Single(_recognizer.Recognize("SSN 219-09-9999"));

        Assert.True(withContext.Score > plain.Score);
    }
}
