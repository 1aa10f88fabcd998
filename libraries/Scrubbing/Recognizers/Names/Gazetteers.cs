using Bogus;
using Bogus.Bson;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Word lists built once, at first use, from Bogus's locale data (MIT; the faker.js lists) and the hand-written
/// lists in <see cref="CommonWords"/> and <see cref="PlaceNames"/>. docs/adr/0003 says why and what it costs.
/// </summary>
internal sealed class Gazetteers
{
    private static readonly Lazy<Gazetteers> Shared = new(() => new Gazetteers(), LazyThreadSafetyMode.ExecutionAndPublication);

    private Gazetteers()
    {
        var locales = Database.GetAllLocales().Where(l => l != "en_BORK").ToList();
        FirstNames = new WordSet(Collect(locales, "name", "first_name", "male_first_name", "female_first_name").Where(IsSingleWord));
        EnglishFirstNames = new WordSet(Collect(["en", "en_US", "en_GB", "en_AU", "en_CA", "en_IE"], "name", "first_name", "male_first_name", "female_first_name").Where(IsSingleWord));
        LastNames = new WordSet(Collect(locales, "name", "last_name", "male_last_name", "female_last_name").Where(IsSingleWord));

        var cities = Collect(locales, "address", "city_name", "city").Concat(PlaceNames.Cities).ToList();
        var countries = Collect(locales, "address", "country").Concat(PlaceNames.Countries).ToList();
        var states = Collect(locales, "address", "state", "province").ToList();
        Places = new PhraseSet(cities.Concat(countries).Concat(states));
        WellKnownPlaces = new PhraseSet(PlaceNames.Cities.Concat(countries).Concat(Collect(["en"], "address", "state")));
        Countries = new PhraseSet(countries);
        StateAbbreviations = new WordSet(Collect(["en", "en_CA", "en_AU"], "address", "state_abbr").Concat(PlaceNames.StateAbbreviations));
        StreetSuffixes = new WordSet(Collect(["en", "en_AU", "en_GB"], "address", "street_suffix").Concat(PlaceNames.StreetAbbreviations));
        var english = new HashSet<string>(Collect(["en", "en_AU", "en_GB"], "address", "street_suffix"), StringComparer.OrdinalIgnoreCase);
        ForeignStreetTypes = new WordSet(Collect(locales, "address", "street_suffix", "street_prefix").Where(s => IsSingleWord(s.TrimEnd('.')) && !english.Contains(s)).Select(s => s.TrimEnd('.')));
        CompanySuffixes = new PhraseSet(Collect(locales, "company", "suffix").Select(s => s.Replace('.', ' ').Replace(',', ' ')), caseSensitive: true);
    }

    public static Gazetteers Instance => Shared.Value;

    public WordSet FirstNames { get; }

    /// <summary>First names of the English locales: fewer words of other languages ("said", "can") among them.</summary>
    public WordSet EnglishFirstNames { get; }

    public WordSet LastNames { get; }

    /// <summary>Cities, countries and states or provinces, in every Latin-script locale Bogus has.</summary>
    public PhraseSet Places { get; }

    /// <summary>
    /// Countries, US states and the largest cities: names that count as places on their own. The other locales'
    /// town lists hold many words ("Batman", "Most") that need a preposition of place or a region after them.
    /// </summary>
    public PhraseSet WellKnownPlaces { get; }

    public PhraseSet Countries { get; }

    public WordSet StateAbbreviations { get; }

    /// <summary>"Street", "Avenue", "St", "Ave", … (the USPS suffixes faker.js lists, and their abbreviations).</summary>
    public WordSet StreetSuffixes { get; }

    /// <summary>Street types of other languages ("Rua", "Calle", "Rodovia"), written before or after the name.</summary>
    public WordSet ForeignStreetTypes { get; }

    /// <summary>Company suffixes of every locale: "Inc", "GmbH", "e figli", "S.A.", "and Sons".</summary>
    public PhraseSet CompanySuffixes { get; }

    public bool IsName(string text, Token token) => FirstNames.Contains(text, token) || LastNames.Contains(text, token);

    private static IEnumerable<string> Collect(IEnumerable<string> locales, string category, params string[] keys)
    {
        foreach (var locale in locales)
        {
            if (!Database.LocaleResourceExists(locale) || Database.GetLocale(locale) is not { } data || !data.ContainsKey(category) || data[category] is not BObject section)
            {
                continue;
            }

            foreach (var key in keys)
            {
                if (!section.ContainsKey(key) || section[key] is not BArray values)
                {
                    continue;
                }

                for (var i = 0; i < values.Count; i++)
                {
                    // Templates such as "#{Name.first_name}ville" are generators, not names.
                    if (values[i].StringValue is { Length: > 1 } value && IsLatin(value) && !value.Contains('#', StringComparison.Ordinal))
                    {
                        yield return value.Trim();
                    }
                }
            }
        }
    }

    // Only Latin script: the tokenizer's capitalisation rules mean nothing for Cyrillic or CJK names, which are left
    // to a later recognizer (docs/adr/0003).
    private static bool IsLatin(string value)
    {
        foreach (var c in value)
        {
            if (c > '\u024F' && c != '’')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSingleWord(string value) => !value.Contains(' ', StringComparison.Ordinal) && value.Length > 1;
}
