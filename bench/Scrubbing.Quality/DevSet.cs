using Bogus;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>
/// A development set generated with Bogus in several locales from templates written here, so that rules are tuned on
/// data other than the Presidio set, which only measures. Seeded: the same sentences every run.
/// </summary>
internal static class DevSet
{
    private static readonly string[] Locales = ["en_US", "en_GB", "de", "fr", "it", "es", "nl", "fi", "sv", "pt_BR", "pl", "en_AU"];

    public static IReadOnlyList<PresidioSample> Generate(int count, int seed)
    {
        Randomizer.Seed = new Random(seed);
        var random = new Random(seed);
        var samples = new List<PresidioSample>(count);
        for (var n = 0; n < count; n++)
        {
            var faker = new Faker(Locales[random.Next(Locales.Length)]);
            samples.Add(Template(random.Next(14), faker));
        }

        return samples;
    }

    private static PresidioSample Template(int which, Faker f) => which switch
    {
        0 => Build("My name is ", ("PERSON", f.Name.FullName()), " and I need help with my order."),
        1 => Build("Please forward this to ", ("PERSON", f.Name.FullName()), " before Friday."),
        2 => Build("Dr. ", ("PERSON", f.Name.LastName()), " will review the results tomorrow."),
        3 => Build("", ("PERSON", f.Name.FirstName()), " asked whether the invoice was paid."),
        4 => Build("I live at ", ("STREET_ADDRESS", $"{f.Address.StreetAddress(f.Random.Bool())}, {f.Address.City()}, {f.Address.StateAbbr()} {f.Address.ZipCode()}"), "."),
        5 => Build("Ship it to ", ("STREET_ADDRESS", $"{f.Address.StreetAddress()}\n{f.Address.ZipCode()} {f.Address.City()}\n{f.Address.Country()}"), " please"),
        6 => Build("Our office is at ", ("STREET_ADDRESS", f.Address.FullAddress()), "."),
        7 => Build("She moved to ", ("GPE", f.Address.City()), " last year."),
        8 => Build("He was born in ", ("GPE", f.Address.Country()), " and studied abroad."),
        9 => Build("", ("ORGANIZATION", f.Company.CompanyName()), " announced its quarterly results."),
        10 => Build("I work at ", ("ORGANIZATION", f.Company.CompanyName()), " as an engineer."),
        11 => Build("The meeting with ", ("PERSON", f.Name.FullName()), " from ", ("ORGANIZATION", f.Company.CompanyName()), " went well."),
        12 => Build("Send the parcel to ", ("PERSON", f.Name.FullName()), ", ", ("STREET_ADDRESS", f.Address.StreetAddress()), ", ", ("GPE", f.Address.City()), "."),
        _ => Build("Can you summarise the attached report in three bullet points?"),
    };

    private static PresidioSample Build(params object[] parts)
    {
        var text = new StringBuilder();
        var spans = new List<PresidioSpan>();
        foreach (var part in parts)
        {
            if (part is ValueTuple<string, string> (var type, var value))
            {
                spans.Add(new PresidioSpan(type, text.Length, text.Length + value.Length));
                text.Append(value);
            }
            else
            {
                text.Append((string)part);
            }
        }

        return new PresidioSample(text.ToString(), spans);
    }

    /// <summary>Prints generated sentences with a span not fully masked, or a false alarm, for tuning the rules.</summary>
    public static void PrintMisses(IReadOnlyList<PresidioSample> samples, TextScrubber scrubber, TextWriter output)
    {
        foreach (var sample in samples.Take(600))
        {
            var found = scrubber.Scrub(sample.FullText).Entities;
            var missed = sample.Spans.Where(s => !found.Any(e => e.Start <= s.Start && e.End >= s.End && EntityMapping.FromPrediction(e.EntityType) == EntityMapping.FromGold(s.EntityType))).ToList();
            var extra = found.Where(e => !sample.Spans.Any(s => s.Start < e.End && e.Start < s.End)).ToList();
            if (missed.Count + extra.Count > 0)
            {
                output.WriteLine($"{sample.FullText.ReplaceLineEndings("⏎")}");
                output.WriteLine($"   missed: {string.Join(" | ", missed.Select(s => $"{s.EntityType}: {sample.FullText[s.Start..s.End].ReplaceLineEndings("⏎")}"))}");
                output.WriteLine($"   found:  {string.Join(" | ", found.Select(e => $"{e.EntityType}: {sample.FullText.Substring(e.Start, e.Length).ReplaceLineEndings("⏎")}"))}");
            }
        }
    }
}
