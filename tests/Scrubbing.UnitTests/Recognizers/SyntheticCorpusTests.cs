using System.Text.Json;
using System.Text.RegularExpressions;
using Bogus;
using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed partial class SyntheticCorpusTests
{
    [Fact]
    public void The_held_out_templates_are_a_fifth_of_every_group_and_never_trained_on()
    {
        var train = SyntheticCorpus.Templates(CorpusSplit.Train).SelectMany(g => g.Templates).ToHashSet(StringComparer.Ordinal);
        var development = SyntheticCorpus.Templates(CorpusSplit.Development).SelectMany(g => g.Templates).ToHashSet(StringComparer.Ordinal);
        var all = SyntheticCorpus.AllGroups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(train.Intersect(development));
        Assert.Equal(all.Count, train.Count + development.Count);
        Assert.InRange((double)development.Count / all.Count, 0.12, 0.28);
        Assert.All(SyntheticCorpus.AllGroups, group =>
        {
            Assert.Contains(group, train.Contains);
            Assert.Contains(group, development.Contains);
        });
    }

    [Fact]
    public void Each_side_generates_only_from_its_own_templates()
    {
        // Templates without slots come out verbatim: a held-out one must never appear among training sentences.
        var heldOutFixed = SyntheticCorpus.Templates(CorpusSplit.Development).SelectMany(g => g.Templates)
            .Where(t => !t.Contains('{', StringComparison.Ordinal)).ToList();
        var trainingText = string.Join('\u0001', SyntheticCorpus.Generate(6000, seed: 7, CorpusSplit.Train).Select(s => s.Text));

        Assert.NotEmpty(heldOutFixed);
        Assert.All(heldOutFixed, t => Assert.DoesNotContain(t, trainingText, StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_cover_the_generated_values_exactly()
    {
        foreach (var split in new[] { CorpusSplit.Train, CorpusSplit.Development })
        {
            foreach (var sentence in SyntheticCorpus.Generate(1500, seed: 11, split))
            {
                foreach (var (start, end, _) in sentence.Spans)
                {
                    var value = sentence.Text[start..end];
                    Assert.False(string.IsNullOrWhiteSpace(value), sentence.Text);
                    Assert.Equal(value.Trim(), value);
                }

                foreach (var (start, end, type) in sentence.OtherValues.Where(v => v.Type == EntityTypes.EmailAddress))
                {
                    Assert.Contains('@', sentence.Text[start..end]);
                }
            }
        }
    }

    [Fact]
    public void Tool_arguments_render_as_json_whose_strings_hold_the_labelled_values()
    {
        var values = new SlotValues(seed: 3);
        foreach (var template in TrainingTemplates.ToolArguments.Where(t => t.StartsWith("{{", StringComparison.Ordinal)))
        {
            for (var n = 0; n < 40; n++)
            {
                var sentence = SyntheticCorpus.Render(template, values);
                using var json = JsonDocument.Parse(sentence.Text);
                var strings = Strings(json.RootElement).ToList();
                Assert.All(sentence.Spans, s => Assert.Contains(strings, v => v.Contains(sentence.Text[s.Start..s.End], StringComparison.Ordinal)));
            }
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("nl")]
    public void Continental_addresses_put_the_postcode_before_the_town(string locale)
    {
        var faker = new Faker(locale) { Random = new Randomizer(5) };
        var random = new Random(5);
        for (var n = 0; n < 50; n++)
        {
            var parts = InternationalAddresses.Format(faker, random).Split(["\n", ", "], StringSplitOptions.None);
            Assert.Contains(parts, p => PostcodeThenTown().IsMatch(p));
        }
    }

    [Fact]
    public void American_addresses_end_the_town_line_with_state_and_zip()
    {
        var faker = new Faker("en_US") { Random = new Randomizer(5) };
        var random = new Random(5);
        for (var n = 0; n < 50; n++)
        {
            var address = InternationalAddresses.Format(faker, random);
            Assert.Matches(StateAndZip(), address);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"^[0-9A-Z]{4,5}(?: [A-Z]{2})? \p{L}")]
    private static partial Regex PostcodeThenTown();

    [GeneratedRegex(@", [A-Z]{2} \d{5}(-\d{4})?(\n|, |$)")]
    private static partial Regex StateAndZip();
}
