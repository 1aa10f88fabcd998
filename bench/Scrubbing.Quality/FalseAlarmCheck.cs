namespace SlmPlatform.Scrubbing.Quality;

/// <summary>
/// What the scrubber flags in agents' prompts (BFCL), which name few people: a rise in names, places and organisations
/// found there, with nothing gained on the labelled sets, is false alarms.
/// </summary>
internal static class FalseAlarmCheck
{
    private static readonly string[] Types = [EntityTypes.Person, EntityTypes.Location, EntityTypes.Organization, EntityTypes.StreetAddress];

    public static string Describe(string scanner, TextScrubber scrubber, IReadOnlyList<string> prompts)
    {
        var counts = Types.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        foreach (var prompt in prompts)
        {
            foreach (var entity in scrubber.Scrub(prompt).Entities)
            {
                if (counts.TryGetValue(entity.EntityType, out var n))
                {
                    counts[entity.EntityType] = n + 1;
                }
            }
        }

        var list = string.Join(", ", Types.Select(t => $"{t} {counts[t]}"));
        return string.Create(CultureInfo.InvariantCulture, $"False-alarm check of {scanner} on the {prompts.Count:N0} BFCL prompts (no labels; most of what they name is not personal): spans flagged {list}.");
    }
}
