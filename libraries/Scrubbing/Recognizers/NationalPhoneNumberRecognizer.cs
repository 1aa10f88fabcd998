using PhoneNumbers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds national phone numbers of other countries written with no phone word near them ("it went to
/// 030 1234 5678"): a trunk prefix 0, digit groups split by spaces or dashes, and a number that libphonenumber
/// validates for one of the regions whose numbers are written that way.
/// </summary>
/// <remarks>
/// <see cref="PhoneNumberRecognizer"/> reads national numbers as US numbers only, and
/// <see cref="ContextualPhoneNumberRecognizer"/> needs a phone word. Without either, the shape carries the
/// precision: the leading 0 and the grouping keep out order ids and timestamps (written unbroken), amounts and
/// years (no leading 0), dates (dots and slashes are not accepted, and ISO dates start with a year), and ZIP+4
/// codes and dashed SSNs (excluded by shape); a capitalised word right after it marks a house number ("03262 2437
/// Main St"). A label of another identifier just before it ("order", "invoice", "ref") drops it.
/// The score is below the validated international recognizer's, so it loses ties.
/// </remarks>
public sealed partial class NationalPhoneNumberRecognizer : IRecognizer
{
    private const int MinDigits = 9;
    private const int MaxDigits = 12;
    private const int LabelWindow = 24;
    private const double Score = 0.6;

    // Regions that write national numbers with a trunk 0 (ITU-T E.164 national prefixes) and that our traffic
    // names most often; Italy keeps the 0 inside the number, which libphonenumber knows.
    private static readonly string[] Regions = ["GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "IT", "SE", "FI", "AU", "NZ", "ZA", "IN", "PK", "NG"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in NationalShape().Matches(text))
        {
            var digits = Digits(match.ValueSpan);
            if (digits.Length is >= MinDigits and <= MaxDigits && !OtherShape().IsMatch(match.ValueSpan)
                && !HasOtherLabel(text, match.Index) && !BeforeName(text, match.Index + match.Length) && IsValidSomewhere(digits))
            {
                yield return new EntityMatch(EntityTypes.PhoneNumber, match.Index, match.Length, Score);
            }
        }
    }

    private static string Digits(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        return new string(digits[..n]);
    }

    private static bool IsValidSomewhere(string digits)
    {
        foreach (var region in Regions)
        {
            try
            {
                if (Util.IsValidNumberForRegion(Util.Parse(digits, region), region))
                {
                    return true;
                }
            }
            catch (NumberParseException)
            {
                // Not a number in this region's plan; try the next.
            }
        }

        return false;
    }

    // "03262 2437 Main St": numbers before a capitalised word are house and building numbers of an address; a phone
    // number is followed by punctuation, a line break or a lower-case word.
    private static bool BeforeName(string text, int end) =>
        end + 2 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]) && char.IsLower(text[end + 2]);

    private static bool HasOtherLabel(string text, int index)
    {
        var from = Math.Max(0, index - LabelWindow);
        return OtherLabel().IsMatch(text.AsSpan(from, index - from));
    }

    // Atomic, so a number followed by a letter or another digit group is dropped, not cut short; and never started
    // inside a longer grouped number ("DE89 3704 0044 0532 …": the tail of an IBAN or a card is no phone number).
    [GeneratedRegex(
        @"(?<![\w+.\-/]|[0-9][ \-])(?>0[0-9]{1,4}(?:[ \-][0-9]{2,8}){1,4})(?![\w]|[.,/\-][0-9])",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex NationalShape();

    // ZIP+4 codes (02134-1234) and dashed SSNs (054-28-6917) that happen to fit a numbering plan.
    [GeneratedRegex(@"^(?:[0-9]{5}-[0-9]{4}|[0-9]{3}-[0-9]{2}-[0-9]{4})$", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex OtherShape();

    [GeneratedRegex(
        @"\b(?:order|invoice|ref|reference|ticket|case|account|acct|iban|id|no|nr|zip|postcode|postal|sku|serial|tracking|policy|amount|total)\b[^\n]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex OtherLabel();
}
