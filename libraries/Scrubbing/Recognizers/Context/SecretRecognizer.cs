namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds secrets that have no provider prefix: a password after its label ("password: hunter2!"), a high-entropy
/// token after "key", "token" or "secret", and credentials inside URLs (<c>https://user:pass@host</c>,
/// <c>?access_token=…</c>). Only the secret is replaced, so the URL and the sentence keep their shape.
/// </summary>
public sealed partial class SecretRecognizer : IRecognizer
{
    private const int MinTokenLength = 16;
    private const double MinBitsPerChar = 3.0;
    private const double Score = 0.8;

    // Words every label of the patterns below contains, so a text without any skips that pattern's walk.
    private static readonly Cues PasswordCues = TextProbe.Cues("pass", "pwd", "pin");
    private static readonly Cues KeyCues = TextProbe.Cues("key", "token", "secret", "bearer", "credential", "signature");

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<EntityMatch>();
        if (TextProbe.ContainsAny(text, PasswordCues))
        {
            FindPasswords(text, found);
        }

        if (TextProbe.ContainsAny(text, KeyCues))
        {
            FindKeyedTokens(text, found);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            foreach (Match match in UrlUserInfoPattern().Matches(text))
            {
                var value = match.Groups["secret"];
                found.Add(new EntityMatch(EntityTypes.Credential, value.Index, value.Length, Score));
            }
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            foreach (Match match in UrlQuerySecretPattern().Matches(text))
            {
                var value = match.Groups["value"];
                found.Add(new EntityMatch(EntityTypes.Credential, value.Index, value.Length, Score));
            }
        }

        return found;
    }

    private static void FindPasswords(string text, List<EntityMatch> found)
    {
        foreach (Match match in PasswordPattern().Matches(text))
        {
            var value = match.Groups["value"];
            found.Add(new EntityMatch(EntityTypes.Credential, value.Index, value.Length, Score));
        }
    }

    private static void FindKeyedTokens(string text, List<EntityMatch> found)
    {
        foreach (Match match in KeyedTokenPattern().Matches(text))
        {
            var value = match.Groups["value"];
            if (value.Length >= MinTokenLength && LooksRandom(value.ValueSpan))
            {
                found.Add(new EntityMatch(EntityTypes.Credential, value.Index, value.Length, Score));
            }
        }
    }

    /// <summary>Mixed letters and digits with at least <see cref="MinBitsPerChar"/> bits of Shannon entropy per character.</summary>
    internal static bool LooksRandom(ReadOnlySpan<char> value)
    {
        var hasLetter = value.IndexOfAnyInRange('a', 'z') >= 0 || value.IndexOfAnyInRange('A', 'Z') >= 0;
        if (!hasLetter || value.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        Span<int> counts = stackalloc int[128];
        foreach (var c in value)
        {
            counts[c & 127]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / value.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy >= MinBitsPerChar;
    }

    // "password: x", "pwd=x", "passcode is x": any run of non-space characters, 4 or more, after the label.
    [GeneratedRegex(
        @"\b(?:password|passwd|pwd|passcode|passphrase|pin\s+code)\b[""']?\s*(?:[:=]|\bis\b)\s*[""']?(?<value>[^\s""',;]{4,128})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PasswordPattern();

    [GeneratedRegex(
        @"\b(?:api[_-]?key|apikey|access[_-]?key|secret(?:[_-]?key)?|client[_-]?secret|token|access[_-]?token|auth[_-]?token|bearer|key|credentials?|signature)\b[""']?\s*(?:[:=]|\bis\b)?\s*[""']?(?<value>[A-Za-z0-9_\-+/=.~]{16,512})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex KeyedTokenPattern();

    // scheme://user:secret@host; the user name stays, the secret goes.
    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s/:@]+:(?<secret>[^\s/@]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex UrlUserInfoPattern();

    [GeneratedRegex(
        @"[?&#](?:access_token|refresh_token|id_token|token|api_key|apikey|key|secret|client_secret|password|pwd|sig|signature|auth|code|session|sessionid|sid|x-amz-signature|x-amz-credential)=(?<value>[^\s&#""'<>]{6,})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex UrlQuerySecretPattern();
}
