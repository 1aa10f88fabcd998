using System.Buffers;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class TextProbeTests
{
    private static readonly SearchValues<char> Dashes = SearchValues.Create("-");

    [Theory]
    [InlineData("no digits here", 0)]
    [InlineData("call 555-0101 or 12", 7)]
    [InlineData("4111-1111-1111-1111 and 12345", 16)]
    [InlineData("1 2", 1)]
    [InlineData("ends with 123456", 6)]
    public void MaxDigitsInRun_CountsDigitsAcrossJoiners(string text, int expected)
    {
        Assert.Equal(expected, TextProbe.MaxDigitsInRun(text, Dashes));
    }

    [Theory]
    [InlineData("no digits", 1, false)]
    [InlineData("born 1980", 4, true)]
    [InlineData("1 2 3", 4, false)]
    [InlineData("a1b2c3d4", 4, true)]
    public void HasDigits_CountsDigitsAnywhere(string text, int count, bool expected)
    {
        Assert.Equal(expected, TextProbe.HasDigits(text, count));
    }

    [Theory]
    [InlineData("short words only", 9, false)]
    [InlineData("one extraordinary word", 9, true)]
    [InlineData("ends in abcdefghi", 9, true)]
    [InlineData("abcdefgh-abcdefgh", 9, false)]
    public void HasAlphanumericRun_NeedsOneUnbrokenRun(string text, int length, bool expected)
    {
        Assert.Equal(expected, TextProbe.HasAlphanumericRun(text, length));
    }

    [Theory]
    [InlineData("my API KEY is here", true)]
    [InlineData("nothing to see", false)]
    [InlineData("the \u212Aey: x", true)]
    public void ContainsAny_IgnoresCaseAsTheRegexesDo(string text, bool expected)
    {
        Assert.Equal(expected, TextProbe.ContainsAny(text, TextProbe.Cues("key")));
    }

    [Fact]
    public void SecretRecognizer_KeyWrittenWithTheKelvinSign_StillFindsTheToken()
    {
        var found = new SecretRecognizer().Found("\u212Aey: 9f8A7b6C5d4E3f2G1h0J");

        Assert.Equal(["9f8A7b6C5d4E3f2G1h0J"], found);
    }
}
