namespace SlmPlatform.Scrubbing.Recognizers;

internal static class DigitGroups
{
    /// <summary>Splits a matched run such as "4111 1111-1111" into its digit groups.</summary>
    public static IReadOnlyList<DigitGroup> Split(Match run)
    {
        var groups = new List<DigitGroup>();
        var value = run.Value;
        var groupStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || !char.IsAsciiDigit(value[i]))
            {
                if (i > groupStart)
                {
                    groups.Add(new DigitGroup(run.Index + groupStart, value[groupStart..i]));
                }

                groupStart = i + 1;
            }
        }

        return groups;
    }
}
