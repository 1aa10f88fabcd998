namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class IpAddressRecognizerTests
{
    private readonly IpAddressRecognizer _recognizer = new();

    [Theory]
    [InlineData("host 10.0.0.1 is down", "10.0.0.1")]
    [InlineData("from 192.168.1.255.", "192.168.1.255")]
    [InlineData("ip=8.8.8.8,", "8.8.8.8")]
    [InlineData("bound to 0.0.0.0", "0.0.0.0")]
    public void Recognize_Ipv4_ReturnsAddress(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Theory]
    [InlineData("docs use 2001:db8::1 here", "2001:db8::1")]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("link-local fe80::1ff:fe23:4567:890a%eth0", "fe80::1ff:fe23:4567:890a")]
    [InlineData("mapped ::ffff:192.0.2.128.", "::ffff:192.0.2.128")]
    [InlineData("prefix 2001:db8:: end", "2001:db8::")]
    public void Recognize_Ipv6_ReturnsAddress(string text, string expected)
    {
        Assert.Contains(expected, _recognizer.Found(text));
    }

    [Theory]
    [InlineData("version 1.2.3.4.5")]
    [InlineData("release v1.2.3.4")]
    [InlineData("256.1.1.1")]
    [InlineData("10.0.0")]
    [InlineData("010.0.0.1")]
    [InlineData("pi is 3.14159")]
    public void Recognize_Ipv4LikeText_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Theory]
    [InlineData("meet at 12:30:45 today")]
    [InlineData("2024-01-15T12:30:45Z")]
    [InlineData("mac 00:1A:2B:3C:4D:5E")]
    [InlineData("std::vector<int> and a::b")]
    [InlineData("items[::2]")]
    [InlineData("ratio 1:2:3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    public void Recognize_Ipv6LikeText_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }
}
