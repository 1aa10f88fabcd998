using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds secrets by their shape: provider API keys, JWTs and PEM private key blocks.</summary>
/// <remarks>
/// Every pattern starts with a fixed prefix that ordinary prose does not contain, so a hit is reported with full
/// confidence; the minimum lengths keep words like "sk-learn" out.
/// </remarks>
public sealed partial class CredentialRecognizer : IRecognizer
{
    private const double Score = 1.0;

    // The fixed prefixes of the patterns below; a text with none of them skips the three walks.
    private static readonly SearchValues<string> Prefixes =
        SearchValues.Create(["sk-", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "eyJ", "-----BEGIN"], StringComparison.Ordinal);

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Prefixes) < 0)
        {
            yield break;
        }

        foreach (var pattern in (Regex[])[ApiKeyPattern(), JwtPattern(), PrivateKeyPattern()])
        {
            foreach (Match match in pattern.Matches(text))
            {
                yield return new EntityMatch(EntityTypes.Credential, match.Index, match.Length, Score);
            }
        }
    }

    // OpenAI/Anthropic (sk-, sk-proj-, sk-ant-...), AWS access key ids, GitHub tokens, Slack tokens.
    [GeneratedRegex(
        """
        (?<![\w-])(?:
            sk-[A-Za-z0-9_-]{20,}
          | (?:AKIA|ASIA)[0-9A-Z]{16}
          | gh[pousr]_[A-Za-z0-9]{20,}
          | github_pat_[A-Za-z0-9_]{20,}
          | xox[abposr]-[A-Za-z0-9-]{10,}
        )(?![\w-])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ApiKeyPattern();

    // Header, payload, signature; the signature may be empty for unsigned ("alg": "none") tokens.
    [GeneratedRegex(
        @"(?<![\w-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex JwtPattern();

    // The whole block. A block cut off before its END line (a truncated paste) still holds key material, so it is
    // taken up to the last character that can belong to the base64 body.
    [GeneratedRegex(
        @"-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----(?:[\s\S]*?-----END[A-Z0-9 ]*PRIVATE KEY-----|[A-Za-z0-9+/=:,\-\s\\]*)",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PrivateKeyPattern();
}
