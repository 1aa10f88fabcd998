namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Capitalised words the tagger takes for names in agents' prompts that are none: a unit after a number ("300
/// Kelvin", "60 degrees Celsius"), a word that orders a request opening a sentence ("Second, I am considering…"),
/// a doctrine ("Buddhism"). Each is told by its context or its form, so a person called Kelvin is still a person.
/// </summary>
internal static class NameFalseAlarms
{
    private const int MinDoctrineLength = 6;

    private static readonly WordSet Units = new(
    [
        "kelvin", "celsius", "fahrenheit", "centigrade", "rankine", "newton", "newtons", "joule", "joules", "watt", "watts",
        "volt", "volts", "ampere", "amperes", "ohm", "ohms", "hertz", "pascal", "pascals", "tesla", "teslas", "coulomb",
        "coulombs", "farad", "farads", "sievert", "sieverts", "becquerel", "becquerels", "gauss", "dalton", "daltons",
    ]);

    private static readonly WordSet DegreeWords = new(["degree", "degrees", "deg", "°"]);

    private static readonly WordSet OrderWords = new(
    [
        "first", "second", "third", "fourth", "fifth", "firstly", "secondly", "thirdly", "next", "then", "finally", "lastly",
        "also", "additionally", "afterwards", "meanwhile", "moreover", "furthermore", "later",
    ]);

    /// <summary>Whether the one-word span at <paramref name="start"/> is one of these words in its telling context.</summary>
    public static bool IsFalseAlarm(string text, List<Token> tokens, int start, int end) =>
        end - start == 1 && (IsUnitAfterNumber(text, tokens, start) || OrdersARequest(text, tokens[start]) || IsDoctrine(tokens[start].In(text)));

    /// <summary>Whether the token is a unit of measure right after a number or a degree word.</summary>
    public static bool IsUnitAfterNumber(string text, List<Token> tokens, int i) =>
        i > 0 && Units.Contains(text, tokens[i]) && (tokens[i - 1].IsAllDigits(text) || DegreeWords.Contains(text, tokens[i - 1]));

    private static bool OrdersARequest(string text, Token token) =>
        OrderWords.Contains(text, token) && Tokens.StartsSentence(text, token) && token.End < text.Length && text[token.End] == ',';

    private static bool IsDoctrine(ReadOnlySpan<char> word) =>
        word.Length >= MinDoctrineLength && (word.EndsWith("ism", StringComparison.OrdinalIgnoreCase) || word.EndsWith("isms", StringComparison.OrdinalIgnoreCase));
}
