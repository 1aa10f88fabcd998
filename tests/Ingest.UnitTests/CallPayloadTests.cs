using System.Text.Json.Nodes;
using SlmPlatform.Contracts;

namespace SlmPlatform.Ingest.UnitTests;

public sealed class CallPayloadTests
{
    [Theory]
    [InlineData("""{"c":"a\u0000b"}""", """{"c":"a\uFFFDb"}""", 1)]
    [InlineData("""{"c":"a\ud800b"}""", """{"c":"a\uFFFDb"}""", 1)]
    [InlineData("""{"c":"a\udc00b"}""", """{"c":"a\uFFFDb"}""", 1)]
    [InlineData("""{"c":"\uD800\uD800\uDC00"}""", """{"c":"\uFFFD\uD800\uDC00"}""", 1)]
    [InlineData("""{"c":"\ud83d\ude00 \u00e9 \\u0000"}""", """{"c":"\ud83d\ude00 \u00e9 \\u0000"}""", 0)]
    [InlineData("""{"c\u0000":["\u0000",{"d":"\udfff"}]}""", """{"c\uFFFD":["\uFFFD",{"d":"\uFFFD"}]}""", 3)]
    [InlineData("""{"c":"ends with a high surrogate \ud800"}""", """{"c":"ends with a high surrogate \uFFFD"}""", 1)]
    public void ReplaceUnstorableEscapes_MapsNulAndLoneSurrogatesOnly(string json, string expected, int replaced)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var count = CallPayload.ReplaceUnstorableEscapes(bytes);

        Assert.Equal(replaced, count);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ReplaceUnstorableEscapes_OnRandomEscapes_LeavesJsonWhoseEveryStringCanBeRead()
    {
        var random = new Random(7);
        string[] pieces = ["a", "\\u0000", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\\\", "\\\\u0000", "\\n", "\\u00e9", "é", "\\\""];
        for (var sample = 0; sample < 2_000; sample++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var bytes = Encoding.UTF8.GetBytes($$"""{"k":"{{text}}","l":["{{text}}"]}""");

            CallPayload.ReplaceUnstorableEscapes(bytes);

            var node = JsonNode.Parse(bytes)!;
            var value = node["k"]!.GetValue<string>();
            Assert.DoesNotContain('\0', value);
            Assert.False(HasLoneSurrogate(value), text);
            Assert.Equal(value, node["l"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public void IsTooDeep_TellsNestingFromMalformedJson()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', CallPayload.MaxDepth + 1) + new string(']', CallPayload.MaxDepth + 1));
        var allowed = Encoding.UTF8.GetBytes(new string('[', CallPayload.MaxDepth) + new string(']', CallPayload.MaxDepth));

        Assert.True(CallPayload.IsTooDeep(deep));
        Assert.False(CallPayload.IsTooDeep(Encoding.UTF8.GetBytes("{\"a\":")));
        using var document = JsonDocument.Parse(allowed, CallPayload.DocumentOptions);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(deep, CallPayload.DocumentOptions));
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
