namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>The ISO 13616 mod-97 check of an IBAN given without spaces.</summary>
public static class IbanChecksum
{
    public static bool IsValid(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5 || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        // 00, 01 and 99 are never issued, yet they pass mod 97 wherever 97, 98 or 02 would (equal modulo 97).
        var check = ((iban[2] - '0') * 10) + (iban[3] - '0');
        if (check is < 2 or > 98)
        {
            return false;
        }

        // Country code and check digits move to the end; letters count as 10..35. Reduce as we go: the whole
        // number has up to 66 digits.
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
