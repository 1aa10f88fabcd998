namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Whether a labelled field's value has the shape of the type its label names.</summary>
internal static class FieldValues
{
    public const int MaxLength = 120;

    public static bool Fits(string type, ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 2 || trimmed.Length > MaxLength || !char.IsLetterOrDigit(trimmed[0]))
        {
            return false;
        }

        return type switch
        {
            EntityTypes.Person => Words(trimmed) <= 5 && OnlyNameCharacters(trimmed) && char.IsLetter(trimmed[0]),
            EntityTypes.Location => Words(trimmed) <= 6 && OnlyNameCharacters(trimmed, extra: ",()") && char.IsLetter(trimmed[0]),
            EntityTypes.Organization => Words(trimmed) <= 8 && trimmed.IndexOfAny("@/={") < 0,
            EntityTypes.StreetAddress => trimmed.ContainsAnyInRange('0', '9') || Words(trimmed) >= 2,
            _ => false,
        };
    }

    // Letters, spaces and the marks names carry ("O'Neil", "Jean-Luc", "J. R."): an identifier, a path or a
    // sentence is not a name.
    private static bool OnlyNameCharacters(ReadOnlySpan<char> value, string extra = "")
    {
        foreach (var c in value)
        {
            if (!char.IsLetter(c) && c is not (' ' or '\'' or '’' or '-' or '.') && !extra.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int Words(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var range in value.Split(' '))
        {
            count += value[range].IsEmpty ? 0 : 1;
        }

        return count;
    }
}
