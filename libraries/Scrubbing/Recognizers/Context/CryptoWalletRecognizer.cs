using System.Security.Cryptography;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds cryptocurrency wallet addresses: Bitcoin base58 (checked with its double SHA-256 checksum), Bitcoin bech32
/// and bech32m (checked with their BCH checksum) and Ethereum's 0x-prefixed 40 hex digits.
/// </summary>
public sealed partial class CryptoWalletRecognizer : IRecognizer
{
    private const double CheckedScore = 1.0;
    private const double EthereumScore = 0.8;
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ShortestBase58Address = 26;

    private static readonly Cues Bech32Prefixes = TextProbe.Cues("bc1", "tb1");

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<EntityMatch>();

        // Each pattern's walk runs only where its address could be: a long run of letters and digits, the bech32
        // prefix, the 0x of Ethereum.
        if (TextProbe.HasAlphanumericRun(text, ShortestBase58Address))
        {
            foreach (Match match in Base58Pattern().Matches(text))
            {
                if (IsValidBase58Check(match.Value))
                {
                    found.Add(new EntityMatch(EntityTypes.Crypto, match.Index, match.Length, CheckedScore));
                }
            }
        }

        if (TextProbe.ContainsAny(text, Bech32Prefixes))
        {
            foreach (Match match in Bech32Pattern().Matches(text))
            {
                if (IsValidBech32(match.Value))
                {
                    found.Add(new EntityMatch(EntityTypes.Crypto, match.Index, match.Length, CheckedScore));
                }
            }
        }

        if (text.Contains("0x", StringComparison.Ordinal))
        {
            foreach (Match match in EthereumPattern().Matches(text))
            {
                found.Add(new EntityMatch(EntityTypes.Crypto, match.Index, match.Length, EthereumScore));
            }
        }

        return found;
    }

    /// <summary>Base58 decoding, then the last four bytes must equal the first four of SHA-256(SHA-256(payload)).</summary>
    public static bool IsValidBase58Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var number = System.Numerics.BigInteger.Zero;
        foreach (var c in value)
        {
            var digit = Base58Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            number = (number * 58) + digit;
        }

        var bytes = number.ToByteArray(isUnsigned: true, isBigEndian: true);
        var leadingZeros = value.TakeWhile(c => c == '1').Count();
        var decoded = new byte[leadingZeros + bytes.Length];
        bytes.CopyTo(decoded, leadingZeros);
        if (decoded.Length != 25)
        {
            return false;
        }

        var hash = SHA256.HashData(SHA256.HashData(decoded.AsSpan(0, 21)));
        return hash.AsSpan(0, 4).SequenceEqual(decoded.AsSpan(21, 4));
    }

    /// <summary>BIP 173 / BIP 350: the polymod of the expanded prefix and data is 1 (bech32) or 0x2bc830a3 (bech32m).</summary>
    public static bool IsValidBech32(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Either case, never mixed.
        if (value.Any(char.IsAsciiLetterLower) && value.Any(char.IsAsciiLetterUpper))
        {
            return false;
        }

        var lower = value.ToLowerInvariant();

        var separator = lower.LastIndexOf('1');
        if (separator < 1 || lower.Length - separator < 7)
        {
            return false;
        }

        var values = new List<int>();
        foreach (var c in lower.AsSpan(0, separator))
        {
            values.Add(c >> 5);
        }

        values.Add(0);
        foreach (var c in lower.AsSpan(0, separator))
        {
            values.Add(c & 31);
        }

        foreach (var c in lower.AsSpan(separator + 1))
        {
            var digit = Bech32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            values.Add(digit);
        }

        var check = Polymod(values);
        return check is 1 or 0x2bc830a3;
    }

    private static uint Polymod(List<int> values)
    {
        uint[] generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint check = 1;
        foreach (var v in values)
        {
            var top = check >> 25;
            check = ((check & 0x1ffffff) << 5) ^ (uint)v;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    check ^= generator[i];
                }
            }
        }

        return check;
    }

    [GeneratedRegex(@"(?<![\w])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![\w])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Base58Pattern();

    [GeneratedRegex(@"(?<![\w])(?:bc1|BC1|tb1|TB1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}(?![\w])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex Bech32Pattern();

    [GeneratedRegex(@"(?<![\w])0x[0-9a-fA-F]{40}(?![\w])", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex EthereumPattern();
}
