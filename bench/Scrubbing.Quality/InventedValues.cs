using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>
/// A development set of text no list can help with: the generated sentences with every name, place, address word and
/// organisation replaced by words made up from syllables (shape kept: capitals, word count, numbers), so a tagger must
/// find them from their context alone.
/// </summary>
internal static class InventedValues
{
    private static readonly string[] Onsets = ["b", "br", "d", "dr", "f", "g", "gr", "k", "kl", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z", "sh", "th", "ch"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
    private static readonly string[] Codas = ["", "", "n", "r", "l", "s", "nd", "rk", "m", "th", "x"];

    public static List<TrainingSentence> Replace(IEnumerable<TrainingSentence> sentences, int seed)
    {
        var random = new Random(seed);
        var result = new List<TrainingSentence>();
        foreach (var sentence in sentences)
        {
            var text = new StringBuilder();
            var spans = new List<(int, int, EntityTag)>();
            var others = new List<(int, int, string)>();
            var at = 0;
            var parts = sentence.Spans.Select(s => (s.Start, s.End, Tag: (EntityTag?)s.Tag, Type: (string?)null))
                .Concat(sentence.OtherValues.Select(v => (v.Start, v.End, Tag: (EntityTag?)null, Type: (string?)v.Type)))
                .OrderBy(p => p.Start);
            foreach (var (start, end, tag, type) in parts)
            {
                text.Append(sentence.Text, at, start - at);
                var value = tag is null ? sentence.Text[start..end] : Invent(sentence.Text[start..end], random);
                if (tag is { } entity)
                {
                    spans.Add((text.Length, text.Length + value.Length, entity));
                }
                else
                {
                    others.Add((text.Length, text.Length + value.Length, type!));
                }

                text.Append(value);
                at = end;
            }

            text.Append(sentence.Text, at, sentence.Text.Length - at);
            result.Add(new TrainingSentence(text.ToString(), spans) { OtherValues = others });
        }

        return result;
    }

    // Each word of letters becomes a made-up word of the same case; numbers, punctuation and short words stay.
    private static string Invent(string value, Random random)
    {
        var output = new StringBuilder(value.Length + 8);
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsLetter(value[i]))
            {
                output.Append(value[i++]);
                continue;
            }

            var start = i;
            while (i < value.Length && char.IsLetter(value[i]))
            {
                i++;
            }

            var word = value[start..i];
            if (word.Length <= 2)
            {
                output.Append(word);
                continue;
            }

            var invented = Word(random, 1 + random.Next(3));
            output.Append(
                word.All(char.IsUpper) ? invented.ToUpperInvariant()
                : char.IsUpper(word[0]) ? char.ToUpperInvariant(invented[0]) + invented[1..]
                : invented);
        }

        return output.ToString();
    }

    private static string Word(Random random, int syllables)
    {
        var word = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
        }

        return word.Append(Codas[random.Next(Codas.Length)]).ToString();
    }
}
