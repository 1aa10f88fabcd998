namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>The words and word shapes that street addresses are made of, in the languages the gazetteers cover.</summary>
internal static class AddressWords
{
    internal static readonly WordSet Directions = new(["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]);

    internal static readonly WordSet Units = new(
    [
        "apt", "apartment", "suite", "ste", "unit", "floor", "fl", "room", "rm", "bldg", "building", "flat", "no", "nr",
        "dept", "appartamento", "piano", "interno", "scala", "piso", "puerta", "esc", "escalera", "andar", "bloco",
        "lote", "casa", "lgh", "étage", "etage", "bâtiment", "wohnung", "whg", "top", "stiege", "mieszkanie", "m",
    ]);

    /// <summary>Polish street types, written in lower case: "ul. Długa 5", "al. Jana Pawła 12".</summary>
    internal static readonly WordSet LowerCaseTypes = new(["ul", "al", "os", "pl"]);

    /// <summary>Street types written before the name: "rue de la Paix", "Via Roma", "Calle Mayor".</summary>
    internal static readonly WordSet PrefixTypes = new(
    [
        "rue", "avenue", "av", "avenida", "boulevard", "bd", "chemin", "allée", "impasse", "place", "quai", "via", "viale",
        "piazza", "corso", "largo", "calle", "carrer", "camino", "paseo", "plaza", "rua", "travessa", "praça", "ulica",
        "ul", "strada", "calea", "aleja", "rambla",
    ]);

    /// <summary>Street names written as one word with their type: "Hauptstraße", "Koskikatu", "Drottninggatan".</summary>
    internal static readonly string[] JoinedEndings =
    [
        "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "katu", "tie", "kuja",
        "polku", "gatan", "vägen", "väg", "gata", "gränd", "veien", "vei", "vej", "gade", "gate", "laan", "straat",
        "plein", "gracht", "singel", "kade", "utca", "ulica", "cesta", "hof", "park", "dijk", "dreef", "markt",
        "steeg", "allén", "torget", "stig", "backe", "tori", "rinne", "kaari", "ranta",
    ];

    /// <summary>US military mail (USPS Pub. 28): "PSC 1234, Box 5678", "USNS Comfort", then "APO AE 09012".</summary>
    internal static readonly WordSet MilitaryWords = new(["psc", "cmr", "usns", "usnv", "uss", "uscgc", "apo", "fpo", "dpo"]);

    internal static bool IsMilitaryWord(string text, Token token) => MilitaryWords.Contains(text, token) && token.IsAllCapitals(text);

    internal static readonly WordSet Connectors = new(["de", "del", "la", "le", "les", "des", "du", "da", "do", "dos", "das", "di", "della", "von", "van", "der", "den", "el", "y", "of", "the"]);

    /// <summary>1 to 6 digits, perhaps with a letter ("221B") or a range ("12-14" reads as two tokens and takes the first).</summary>
    internal static bool IsHouseNumber(string text, Token token)
    {
        var value = token.In(text);
        var digits = value.Length - value.TrimStart("0123456789").Length;
        return digits is >= 1 and <= 6 && value.Length - digits <= 1 && (digits == value.Length || char.IsLetter(value[^1]));
    }

    internal static bool IsOrdinal(string text, Token token)
    {
        var value = token.In(text);
        return value.Length >= 3 && char.IsAsciiDigit(value[0])
            && (value.EndsWith("st", StringComparison.OrdinalIgnoreCase) || value.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
                || value.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || value.EndsWith("th", StringComparison.OrdinalIgnoreCase));
    }

    internal static bool EndsLikeStreet(ReadOnlySpan<char> word)
    {
        foreach (var ending in JoinedEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"l'Odéon", "d'Orsel": an elided article before a capitalised name.</summary>
    internal static bool IsElided(string text, Token token) =>
        token.Length > 3 && text[token.Start + 1] is '\'' or '’' && char.IsUpper(text[token.Start + 2]);
}
