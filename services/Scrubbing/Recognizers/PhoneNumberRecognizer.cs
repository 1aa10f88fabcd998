using PhoneNumbers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds phone numbers with libphonenumber: international numbers anywhere, national ones as US numbers.</summary>
/// <remarks>
/// Leniency VALID: the number must fit a real numbering plan (area code, length), which keeps order ids, amounts
/// and timestamps out. POSSIBLE only checks the length and flags almost any run of 7 to 15 digits.
/// </remarks>
public sealed class PhoneNumberRecognizer(string defaultRegion = "US") : IRecognizer
{
    private const double Score = 0.75;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var match in Util.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            yield return new EntityMatch(EntityTypes.PhoneNumber, match.Start, match.Length, Score);
        }
    }
}
