using System.Text;
using Bogus;

namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Postal addresses written the way each country writes them (UPU S42 and national practice): the street line in the
/// locale's own form, then the town line in the country's order of postcode and town, sometimes the country; on
/// several lines or run into one.
/// </summary>
internal static class InternationalAddresses
{
    private static readonly Dictionary<string, string[]> Countries = new(StringComparer.Ordinal)
    {
        ["en_US"] = ["USA", "United States"],
        ["en_CA"] = ["Canada"],
        ["fr_CA"] = ["Canada"],
        ["en_GB"] = ["United Kingdom", "UK"],
        ["en_IE"] = ["Ireland"],
        ["en_AU"] = ["Australia"],
        ["en_IND"] = ["India"],
        ["en_NG"] = ["Nigeria"],
        ["en_ZA"] = ["South Africa"],
        ["af_ZA"] = ["South Africa"],
        ["de"] = ["Germany", "Deutschland"],
        ["de_AT"] = ["Austria", "Österreich"],
        ["de_CH"] = ["Switzerland", "Schweiz"],
        ["fr_CH"] = ["Switzerland", "Suisse"],
        ["fr"] = ["France"],
        ["it"] = ["Italy", "Italia"],
        ["es"] = ["Spain", "España"],
        ["es_MX"] = ["Mexico", "México"],
        ["nl"] = ["Netherlands", "Nederland"],
        ["nl_BE"] = ["Belgium", "België"],
        ["pt_BR"] = ["Brazil", "Brasil"],
        ["pt_PT"] = ["Portugal"],
        ["pl"] = ["Poland", "Polska"],
        ["sv"] = ["Sweden", "Sverige"],
        ["fi"] = ["Finland", "Suomi"],
        ["nb_NO"] = ["Norway", "Norge"],
        ["cz"] = ["Czechia", "Česko"],
        ["sk"] = ["Slovakia"],
        ["tr"] = ["Turkey", "Türkiye"],
        ["ro"] = ["Romania"],
        ["hr"] = ["Croatia", "Hrvatska"],
        ["id_ID"] = ["Indonesia"],
        ["lv"] = ["Latvia"],
        ["vi"] = ["Vietnam"],
    };

    public static string Format(Faker f, Random random)
    {
        var street = random.Next(4) == 0 ? f.Address.StreetAddress(useFullAddress: true) : f.Address.StreetAddress();
        var town = random.Next(4) == 0 ? f.Address.City().ToUpperInvariant() : f.Address.City();
        var lines = new List<string> { street };
        switch (f.Locale)
        {
            case "en_US" or "en_CA" or "fr_CA" or "en_AU":
                lines.Add($"{town}, {f.Address.StateAbbr()} {f.Address.ZipCode()}");
                break;
            case "en_GB" or "en_IE" or "en_IND" or "en_NG" or "en_ZA" or "af_ZA" or "en":
                lines.Add(town);
                lines.Add(f.Address.ZipCode().ToUpperInvariant());
                break;
            case "pt_BR" or "es_MX":
                lines.Add($"{town} - {f.Address.StateAbbr()}, {f.Address.ZipCode()}");
                break;
            default:
                lines.Add($"{f.Address.ZipCode()} {town}");
                break;
        }

        if (Countries.TryGetValue(f.Locale, out var names) && random.Next(3) == 0)
        {
            var country = names[random.Next(names.Length)];
            lines.Add(random.Next(2) == 0 ? country.ToUpperInvariant() : country);
        }

        var separator = random.Next(3) switch
        {
            0 => ", ",
            _ => "\n",
        };
        return new StringBuilder().AppendJoin(separator, lines).ToString();
    }
}
