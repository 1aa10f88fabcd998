using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing.UnitTests.Properties;

/// <summary>Generated cases, seeded so that a failure reproduces: the seed and case are in the assertion message.</summary>
public sealed class ScrubbingPropertyTests
{
    private const int Seed = 20261129;
    private const int Cases = 200;
    private static readonly JsonScrubber Scrubber = new(DefaultRecognizers.CreateScrubber());

    public static TheoryData<ScrubOperator> AllOperators => [.. Enum.GetValues<ScrubOperator>()];

    [Theory]
    [MemberData(nameof(AllOperators))]
    public void PlantedValuesInText_NeverSurvive(ScrubOperator chosen)
    {
        var values = new PlantedValues(Seed);
        for (var i = 0; i < Cases; i++)
        {
            var (text, planted) = values.Sentence();

            var scrubbed = Scrubber.ScrubText(text, "tenant", chosen).Text;

            foreach (var value in planted)
            {
                Assert.False(scrubbed.Contains(value, StringComparison.Ordinal), $"case {i}: '{value}' survived in '{scrubbed}' (from '{text}')");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllOperators))]
    public void PlantedValuesInJson_NeverSurviveAndTheDocumentStaysValidWithItsTypes(ScrubOperator chosen)
    {
        var values = new PlantedValues(Seed + 1);
        for (var i = 0; i < Cases; i++)
        {
            var (document, planted) = Document(values);

            var scrubbed = JsonText.Of(Scrubber.Scrub(document, "tenant", chosen).Document);

            var parsed = JsonNode.Parse(scrubbed)!;
            Assert.Equal(3, (int)parsed["count"]!);
            Assert.Equal(19.99m, (decimal)parsed["price"]!);
            Assert.Equal("user", (string?)parsed["messages"]![0]!["role"]);
            var arguments = JsonNode.Parse((string)parsed["tool_call"]!["arguments"]!)!;
            Assert.True((bool)arguments["urgent"]!);
            foreach (var value in planted)
            {
                Assert.False(scrubbed.Contains(value, StringComparison.Ordinal), $"case {i}: '{value}' survived in {scrubbed}");
            }
        }
    }

    [Fact]
    public void ScrubbingWithPlaceholdersTwice_ChangesNothingTheSecondTime()
    {
        var values = new PlantedValues(Seed + 2);
        var textScrubber = DefaultRecognizers.CreateScrubber();
        var withTagger = DefaultRecognizers.CreateScrubber(contextualTagger: true);
        for (var i = 0; i < Cases; i++)
        {
            var (text, _) = values.Sentence();

            var once = Scrubber.ScrubText(text, "tenant", ScrubOperator.Placeholder).Text;
            var onceTyped = textScrubber.Scrub(text).Text;
            var onceWithTagger = withTagger.Scrub(text).Text;

            Assert.Equal(once, Scrubber.ScrubText(once, "tenant", ScrubOperator.Placeholder).Text);
            Assert.Equal(onceTyped, textScrubber.Scrub(onceTyped).Text);
            Assert.Equal(onceWithTagger, withTagger.Scrub(onceWithTagger).Text);
        }
    }

    [Fact]
    public void Surrogates_AreConsistentWithinATenantAndDifferAcrossTenants()
    {
        var values = new PlantedValues(Seed + 3);
        var differences = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (_, value) = values.Any();
            var text = $"value {value} here";

            var a1 = Scrubber.ScrubText(text, "tenant-a").Text;
            var a2 = Scrubber.ScrubText($"again: {text}", "tenant-a").Text;
            var b = Scrubber.ScrubText(text, "tenant-b").Text;

            Assert.Equal($"again: {a1}", a2);
            differences += a1 == b ? 0 : 1;
        }

        // A short value (a MAC's twelve hex digits) could in principle map to the same fake for two keys; none may
        // do so often.
        Assert.True(differences >= Cases - 3, $"only {differences} of {Cases} surrogates differed across tenants");
    }

    private static (JsonNode Document, List<string> Planted) Document(PlantedValues values)
    {
        var (text, planted) = values.Sentence();
        var (_, inArguments) = values.Any();
        var card = "4" + string.Concat(Enumerable.Repeat("1", 14));
        card += Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(d => Luhn.IsValid(card + d));
        var arguments = JsonSerializer.Serialize(new Dictionary<string, object> { ["to"] = inArguments, ["urgent"] = true, ["note"] = values.Words(3) });
        var document = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
            ["tool_call"] = new JsonObject { ["name"] = "send", ["arguments"] = arguments },
            ["card"] = JsonValue.Create(long.Parse(card, System.Globalization.CultureInfo.InvariantCulture)),
            ["count"] = 3,
            ["price"] = 19.99m,
        };
        return (document, [.. planted, inArguments, card]);
    }
}
