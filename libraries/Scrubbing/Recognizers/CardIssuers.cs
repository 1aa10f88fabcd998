using System.Globalization;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Issuer identification number (IIN) ranges of the major card networks.</summary>
internal static class CardIssuers
{
    public static bool IsKnownPrefix(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 4)
        {
            return false;
        }

        var two = Prefix(digits, 2);
        var three = Prefix(digits, 3);
        var four = Prefix(digits, 4);
        var visa = digits[0] == '4';
        var mastercard = two is >= 51 and <= 55 || four is >= 2221 and <= 2720;
        var amex = two is 34 or 37;
        var discover = four == 6011 || two == 65 || three is >= 644 and <= 649;
        var unionPay = two == 62;
        // 35 as a whole (the network's own range is 3528-3589) and the old 15-digit 1800 and 2131 prefixes.
        var jcb = two == 35 || (digits.Length == 15 && four is 1800 or 2131);
        var diners = two is 36 or 38 or 39 || three is >= 300 and <= 305;
        var maestro = two is 50 or (>= 56 and <= 58) or 63 or 67;
        return visa || mastercard || amex || discover || unionPay || jcb || diners || maestro;
    }

    private static int Prefix(ReadOnlySpan<char> digits, int length) =>
        int.Parse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture);
}
