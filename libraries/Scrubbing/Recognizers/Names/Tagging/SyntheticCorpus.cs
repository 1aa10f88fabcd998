using System.Text;

namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Generates labelled sentences from <see cref="TrainingTemplates"/> and <see cref="SlotValues"/>: the tagger's
/// training data from the templates of the <see cref="CorpusSplit.Train"/> side, the quality harness's development
/// set from the held-out side.
/// </summary>
internal static class SyntheticCorpus
{
    // Shares of the template groups: enough sentences without any entity that capitals alone do not make a name, and
    // the platform's own shapes (prompts, e-mails, tickets, tool arguments, chat) beside plain sentences.
    private static readonly (string[] Templates, int Weight)[] Groups =
    [
        (TrainingTemplates.People, 30),
        (TrainingTemplates.Places, 18),
        (TrainingTemplates.Addresses, 22),
        (TrainingTemplates.Organizations, 12),
        (TrainingTemplates.Negatives, 32),
        (TrainingTemplates.AgentPrompts, 12),
        (TrainingTemplates.Emails, 10),
        (TrainingTemplates.Tickets, 10),
        (TrainingTemplates.ToolArguments, 5),
        (TrainingTemplates.Chat, 8),
    ];

    /// <summary>The templates of one side of the split, by group, with the group's weight.</summary>
    public static (string[] Templates, int Weight)[] Templates(CorpusSplit split) =>
    [
        .. Groups
            .Select(g => (Templates: g.Templates.Where(t => CorpusSplits.Of(t) == split).ToArray(), g.Weight))
            .Where(g => g.Templates.Length > 0),
    ];

    /// <summary>Every template of every group, both sides of the split.</summary>
    public static IEnumerable<string[]> AllGroups => Groups.Select(g => g.Templates);

    /// <summary>One template filled with values.</summary>
    public static TrainingSentence Render(string template, SlotValues values)
    {
        var text = new StringBuilder();
        var spans = new List<(int, int, EntityTag)>();
        var others = new List<(int, int, string)>();
        Fill(template, values, text, spans, others);
        return new TrainingSentence(text.ToString(), spans) { OtherValues = others };
    }

    public static List<TrainingSentence> Generate(int count, int seed, CorpusSplit split = CorpusSplit.Train)
    {
        var groups = Templates(split);
        var totalWeight = groups.Sum(g => g.Weight);
        var values = new SlotValues(seed);
        var sentences = new List<TrainingSentence>(count);
        for (var n = 0; n < count; n++)
        {
            var text = new StringBuilder();
            var spans = new List<(int, int, EntityTag)>();
            var others = new List<(int, int, string)>();
            var parts = values.Random.Next(5) == 0 ? 2 : 1;
            for (var p = 0; p < parts; p++)
            {
                if (p > 0)
                {
                    text.Append(values.Random.Next(2) == 0 ? " " : "\n");
                }

                Fill(Pick(groups, totalWeight, values.Random), values, text, spans, others);
            }

            // Chat is often typed in lower case; lower-casing keeps every offset.
            var sentence = values.Random.Next(25) == 0 ? text.ToString().ToLowerInvariant() : text.ToString();
            sentences.Add(new TrainingSentence(sentence, spans) { OtherValues = others });
        }

        return sentences;
    }

    private static string Pick((string[] Templates, int Weight)[] groups, int totalWeight, Random random)
    {
        var roll = random.Next(totalWeight);
        foreach (var (templates, weight) in groups)
        {
            if (roll < weight)
            {
                return templates[random.Next(templates.Length)];
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the weights cover the roll.");
    }

    private static void Fill(string template, SlotValues values, StringBuilder text, List<(int, int, EntityTag)> spans, List<(int, int, string)> others)
    {
        var faker = values.NextFaker();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i += 2;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                i++;
                continue;
            }

            var close = template.IndexOf('}', i);
            var slot = values.Fill(template[(i + 1)..close], faker);

            // Some of Bogus's locale data ends in a blank ("Abacı - Durak "): the value is the words.
            slot = slot with { Value = slot.Value.Trim() };
            if (slot.Tag != EntityTag.Outside)
            {
                spans.Add((text.Length, text.Length + slot.Value.Length, slot.Tag));
            }
            else if (slot.ScoredType is not null)
            {
                others.Add((text.Length, text.Length + slot.Value.Length, slot.ScoredType));
            }

            text.Append(slot.Value);
            i = close + 1;
        }
    }
}
