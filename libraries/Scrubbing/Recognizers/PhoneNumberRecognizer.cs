using System.Text;
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

        // Other scripts' digits and dashes count for libphonenumber, so only ASCII texts are cut into windows.
        if (!Ascii.IsValid(text))
        {
            return Find(text, 0);
        }

        var found = new List<EntityMatch>();
        foreach (var window in PhoneNumberWindows.Find(text))
        {
            var (offset, length) = window.GetOffsetAndLength(text.Length);
            found.AddRange(Find(text.Substring(offset, length), offset));
        }

        return found;
    }

    private IEnumerable<EntityMatch> Find(string text, int offset) =>
        Util.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue)
            .Select(match => new EntityMatch(EntityTypes.PhoneNumber, offset + match.Start, match.Length, Score));
}
