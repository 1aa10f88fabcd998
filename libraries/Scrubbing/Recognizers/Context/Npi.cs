namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>The US National Provider Identifier check: Luhn over the ten digits prefixed with 80840.</summary>
public static class Npi
{
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 10 && value[0] is '1' or '2' && Luhn.IsValid(string.Concat("80840", value));
    }
}
