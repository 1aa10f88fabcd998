using System.Text;

namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>Generates the tagger's training sentences from <see cref="TrainingTemplates"/> and <see cref="SlotValues"/>.</summary>
internal static class SyntheticCorpus
{
    // Shares of the template groups: enough sentences without any entity that capitals alone do not make a name.
    private static readonly (string[] Templates, int Weight)[] Groups =
    [
        (TrainingTemplates.People, 30),
        (TrainingTemplates.Places, 18),
        (TrainingTemplates.Addresses, 22),
        (TrainingTemplates.Organizations, 12),
        (TrainingTemplates.Negatives, 32),
    ];

    private static readonly int TotalWeight = Groups.Sum(g => g.Weight);

    public static List<TrainingSentence> Generate(int count, int seed)
    {
        var values = new SlotValues(seed);
        var sentences = new List<TrainingSentence>(count);
        for (var n = 0; n < count; n++)
        {
            var text = new StringBuilder();
            var spans = new List<(int, int, EntityTag)>();
            var parts = values.Random.Next(5) == 0 ? 2 : 1;
            for (var p = 0; p < parts; p++)
            {
                if (p > 0)
                {
                    text.Append(values.Random.Next(2) == 0 ? " " : "\n");
                }

                Fill(Pick(values.Random), values, text, spans);
            }

            // Chat is often typed in lower case; lower-casing keeps every offset.
            var sentence = values.Random.Next(25) == 0 ? text.ToString().ToLowerInvariant() : text.ToString();
            sentences.Add(new TrainingSentence(sentence, spans));
        }

        return sentences;
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (templates, weight) in Groups)
        {
            if (roll < weight)
            {
                return templates[random.Next(templates.Length)];
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the weights cover the roll.");
    }

    private static void Fill(string template, SlotValues values, StringBuilder text, List<(int, int, EntityTag)> spans)
    {
        var faker = values.NextFaker();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            text.Append(template, i, open - i);
            var (value, tag) = values.Fill(template[(open + 1)..close], faker);
            if (tag != EntityTag.Outside)
            {
                spans.Add((text.Length, text.Length + value.Length, tag));
            }

            text.Append(value);
            i = close + 1;
        }
    }
}
