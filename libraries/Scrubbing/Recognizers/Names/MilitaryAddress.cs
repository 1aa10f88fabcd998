namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// US military and diplomatic mail (USPS Publication 28, 2.2): "PSC 1234, Box 5678" or "Unit 1234 Box 5678", or a
/// ship ("USNS Comfort"), then "APO|FPO|DPO AA|AE|AP" and a ZIP code. Faker-style data and real forms both hold them;
/// no street suffix or house number says "address" here, so the street rules miss them.
/// </summary>
internal static class MilitaryAddress
{
    private const int MaxShipWords = 3;

    private static readonly WordSet Boxes = new(["psc", "cmr", "unit"]);
    private static readonly WordSet Ships = new(["usns", "usnv", "uss", "uscgc"]);
    private static readonly WordSet PostOffices = new(["apo", "fpo", "dpo"]);
    private static readonly WordSet Regions = new(["aa", "ae", "ap"]);

    /// <summary>The end of a military address starting at token <paramref name="i"/>, or <paramref name="i"/>.</summary>
    public static int Match(string text, List<Token> tokens, int i)
    {
        var k = i;
        if (Boxes.Contains(text, tokens[k]) && k + 3 < tokens.Count && tokens[k + 1].IsAllDigits(text)
            && tokens[k + 2].In(text).Equals("box", StringComparison.OrdinalIgnoreCase) && tokens[k + 3].IsAllDigits(text))
        {
            k += 4;
            var office = PostOffice(text, tokens, k);
            // "PSC 1234, Box 5678" alone is an address already; "unit 4 box 2" in lower case is one only with its office.
            return office > k ? office : char.IsUpper(text[tokens[i].Start]) ? k : i;
        }

        if (!Ships.Contains(text, tokens[k]))
        {
            return i;
        }

        k++;
        while (k < tokens.Count && k - i <= MaxShipWords && !PostOffices.Contains(text, tokens[k]) && !tokens[k].HasDigit(text))
        {
            k++;
        }

        var end = PostOffice(text, tokens, k);
        return end > k && k > i + 1 ? end : i;
    }

    // "APO AE 09012", on the same line or the next.
    private static int PostOffice(string text, List<Token> tokens, int k)
    {
        if (k + 2 >= tokens.Count || !AddressTail.IsAddressGap(Tokens.Gap(text, tokens[k - 1], tokens[k]), out _))
        {
            return k;
        }

        return PostOffices.Contains(text, tokens[k]) && Regions.Contains(text, tokens[k + 1]) && tokens[k + 2].IsAllDigits(text) && tokens[k + 2].Length == 5
            ? k + 3
            : k;
    }
}
