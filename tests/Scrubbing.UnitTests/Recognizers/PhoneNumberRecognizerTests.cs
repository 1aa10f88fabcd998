namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class PhoneNumberRecognizerTests
{
    private readonly PhoneNumberRecognizer _recognizer = new();

    [Theory]
    [InlineData("London office: +44 20 7946 0958.", "+44 20 7946 0958")]
    [InlineData("Berlin: +49 30 901820", "+49 30 901820")]
    [InlineData("call (415) 555-0132 after 5", "(415) 555-0132")]
    [InlineData("call 415-555-0132 after 5", "415-555-0132")]
    [InlineData("Paris +33 1 23 45 67 89", "+33 1 23 45 67 89")]
    [InlineData("US +1 212 555 1234", "+1 212 555 1234")]
    public void Recognize_PhoneNumber_ReturnsNumber(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Fact]
    public void Recognize_TwoNumbers_ReturnsBoth()
    {
        var found = _recognizer.Found("home (415) 555-0132, work +44 20 7946 0958");

        Assert.Equal(["(415) 555-0132", "+44 20 7946 0958"], found);
    }

    [Theory]
    [InlineData("order 123456789 shipped")]
    [InlineData("created at 1718035200")]
    [InlineData("on 2024-01-15 at 12:30:45")]
    [InlineData("total $1,234,567.89")]
    [InlineData("version 1.2.3.4.5")]
    [InlineData("host 10.0.0.1")]
    public void Recognize_NumberThatIsNotAPhone_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Fact]
    public void Recognize_Match_UsesPhoneNumberType()
    {
        var match = Assert.Single(_recognizer.Recognize("+44 20 7946 0958"));

        Assert.Equal(EntityTypes.PhoneNumber, match.EntityType);
    }
}
