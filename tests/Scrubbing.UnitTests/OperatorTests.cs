using Microsoft.Extensions.Options;

namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class OperatorTests
{
    private static readonly JsonScrubber Scrubber = new(DefaultRecognizers.CreateScrubber());

    [Fact]
    public void Placeholder_RepeatedValue_KeepsItsNumberWithinADocument()
    {
        var result = Scrubber.ScrubText("a@example.com, b@example.com, a@example.com", "t", ScrubOperator.Placeholder);

        Assert.Equal("<EMAIL_ADDRESS_1>, <EMAIL_ADDRESS_2>, <EMAIL_ADDRESS_1>", result.Text);
    }

    [Theory]
    [InlineData(ScrubOperator.Mask, "ip ********")]
    [InlineData(ScrubOperator.Drop, "ip ")]
    public void MaskAndDrop_ReplaceAsNamed(ScrubOperator chosen, string expected)
    {
        Assert.Equal(expected, Scrubber.ScrubText("ip 10.0.0.1", "t", chosen).Text);
    }

    [Fact]
    public void Hash_IsKeyedByTenant()
    {
        var a = Scrubber.ScrubText("ip 10.0.0.1", "tenant-a", ScrubOperator.Hash).Text;
        var b = Scrubber.ScrubText("ip 10.0.0.1", "tenant-b", ScrubOperator.Hash).Text;

        Assert.Matches("^ip [0-9a-f]{16}$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Surrogate_Card_PassesLuhnAndKeepsItsGrouping()
    {
        var text = Scrubber.ScrubText("card 4111 1111 1111 1111", "t").Text;

        Assert.Matches("^card 4[0-9]{3} [0-9]{4} [0-9]{4} [0-9]{4}$", text);
        Assert.True(Luhn.IsValid(text[5..].Replace(" ", "", StringComparison.Ordinal)));
        Assert.NotEqual("card 4111 1111 1111 1111", text);
    }

    [Fact]
    public void Surrogate_Iban_PassesMod97()
    {
        var text = Scrubber.ScrubText("DE89370400440532013000", "t").Text;

        Assert.StartsWith("DE", text, StringComparison.Ordinal);
        Assert.True(IbanChecksum.IsValid(text));
        Assert.NotEqual("DE89370400440532013000", text);
    }

    [Fact]
    public void Surrogate_Person_IsANameAndTheSameForTheSameValue()
    {
        var first = Scrubber.ScrubText("Please forward this to Maria Garcia today.", "t").Text;
        var second = Scrubber.ScrubText("Maria Garcia called again.", "t").Text;

        var name = first["Please forward this to ".Length..^" today.".Length];
        Assert.Matches(@"^\p{Lu}[\p{L}'-]+ \p{Lu}[\p{L}'-]+$", name);
        Assert.StartsWith(name, second, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_TenantAndTypeSettings_OverrideTheDefaults()
    {
        var options = new ScrubbingOptions { DefaultOperator = ScrubOperator.Placeholder };
        options.Operators[EntityTypes.IpAddress] = ScrubOperator.Mask;
        options.Tenants["acme"] = new TenantScrubbingOptions { DefaultOperator = ScrubOperator.Drop };
        options.Tenants["acme"].Operators[EntityTypes.EmailAddress] = ScrubOperator.Hash;
        var policy = new ScrubPolicy(Options.Create(options));

        Assert.Equal(ScrubOperator.Placeholder, policy.OperatorFor("other", EntityTypes.Person));
        Assert.Equal(ScrubOperator.Mask, policy.OperatorFor("other", EntityTypes.IpAddress));
        Assert.Equal(ScrubOperator.Drop, policy.OperatorFor("acme", EntityTypes.IpAddress));
        Assert.Equal(ScrubOperator.Hash, policy.OperatorFor("acme", EntityTypes.EmailAddress));
    }

    [Fact]
    public void TenantOverload_JsonNumberCard_StaysANumber()
    {
        var result = Scrubber.Scrub(System.Text.Json.Nodes.JsonNode.Parse("""{"card":4111111111111111,"n":3}"""), "t");

        Assert.Equal(System.Text.Json.JsonValueKind.Number, result.Document!["card"]!.GetValueKind());
        Assert.NotEqual("4111111111111111", result.Document["card"]!.ToJsonString());
        Assert.Equal(3, (int)result.Document["n"]!);
    }

    [Fact]
    public void Session_PlaceholderNumbers_AreSharedAcrossTheDocumentsOfACall()
    {
        var session = Scrubber.StartSession("t", ScrubOperator.Placeholder);

        var request = session.Scrub(System.Text.Json.Nodes.JsonNode.Parse("""{"content":"mail a@example.com and b@example.com"}"""));
        var response = session.Scrub(System.Text.Json.Nodes.JsonNode.Parse("""{"content":"sent to b@example.com"}"""));

        Assert.Equal("mail <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>", (string?)request.Document!["content"]);
        Assert.Equal("sent to <EMAIL_ADDRESS_2>", (string?)response.Document!["content"]);
    }

    [Fact]
    public void Surrogate_PipelineTestValues_ShareNoDigitsRunWithTheOriginal()
    {
        var text = Scrubber.ScrubText("card 4111 1111 1111 1111, mail jane.doe@example.com", "tenant-a").Text;

        Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
    }
}
