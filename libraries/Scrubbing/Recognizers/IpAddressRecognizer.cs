using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds IPv4 addresses in dotted-quad form and IPv6 addresses, compressed forms included.</summary>
/// <remarks>
/// Candidates come from loose patterns and <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> decides.
/// Precision rules: a dotted quad inside a longer dotted run ("1.2.3.4.5") or after a letter ("v1.2.3.4") is a
/// version; an IPv6 candidate needs a digit and two non-empty groups, which rules out "a::b" in code, "::2" in a
/// slice and, together with TryParse, times like 12:30:45 and MAC addresses.
/// </remarks>
public sealed partial class IpAddressRecognizer : IRecognizer
{
    // Above the phone recognizers': libphonenumber also reads some dotted quads (36.160.14.148) as numbers.
    private const double Ipv4Score = 0.8;
    private const double Ipv6Score = 0.9;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A dotted quad has three dots and an IPv6 address two colons: most texts have neither and skip the walks.
        if (text.AsSpan().Count('.') >= 3)
        {
            foreach (Match match in Ipv4Pattern().Matches(text))
            {
                if (IPAddress.TryParse(match.ValueSpan, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
                {
                    yield return new EntityMatch(EntityTypes.IpAddress, match.Index, match.Length, Ipv4Score);
                }
            }
        }

        if (text.AsSpan().Count(':') < 2)
        {
            yield break;
        }

        foreach (Match match in Ipv6Pattern().Matches(text))
        {
            if (LooksLikeIpv6(match.ValueSpan)
                && IPAddress.TryParse(match.ValueSpan, out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                yield return new EntityMatch(EntityTypes.IpAddress, match.Index, match.Length, Ipv6Score);
            }
        }
    }

    private static bool LooksLikeIpv6(ReadOnlySpan<char> candidate)
    {
        if (candidate.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        var nonEmptyGroups = 0;
        foreach (var range in candidate.Split(':'))
        {
            if (range.End.GetOffset(candidate.Length) > range.Start.GetOffset(candidate.Length))
            {
                nonEmptyGroups++;
            }
        }

        return nonEmptyGroups >= 2;
    }

    // Octets 0-255 without leading zeros (TryParse would read "010" as octal).
    [GeneratedRegex(
        @"(?<![\w.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?!\.?[0-9])(?!\w)",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Ipv4Pattern();

    // Up to eight hex groups around at most one "::", optionally ending in a dotted quad (::ffff:10.0.0.1).
    [GeneratedRegex(
        @"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:])(?!\.[0-9])",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Ipv6Pattern();
}
