namespace SlmPlatform.Scrubbing;

/// <summary>Turns the recognizers' raw, possibly overlapping matches into disjoint spans ordered by start.</summary>
public static class OverlapResolver
{
    /// <remarks>
    /// Overlapping matches form one span that covers all of them, so no character of either value survives even
    /// when two recognizers disagree on the boundaries. The longest match, then the highest score, names the span,
    /// except that a value proven by its checksum or format (score 1.0: an IBAN, an e-mail address, a card with its
    /// issuer) names it over a longer name, place or organisation, which is only ever a guess ("this IBAN GB49…"
    /// read as a place).
    /// </remarks>
    public static IReadOnlyList<EntityMatch> Resolve(IEnumerable<EntityMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);

        var ordered = matches.Where(m => m.Length > 0).OrderBy(m => m.Start).ThenByDescending(m => m.Length).ToList();
        var resolved = new List<EntityMatch>();
        var i = 0;
        while (i < ordered.Count)
        {
            var best = ordered[i];
            var end = best.End;
            var j = i + 1;
            for (; j < ordered.Count && ordered[j].Start < end; j++)
            {
                var candidate = ordered[j];
                end = Math.Max(end, candidate.End);
                if (IsBetter(candidate, best))
                {
                    best = candidate;
                }
            }

            resolved.Add(best with { Start = ordered[i].Start, Length = end - ordered[i].Start });
            i = j;
        }

        return resolved;
    }

    private static readonly HashSet<string> Guessed =
        [EntityTypes.Person, EntityTypes.Location, EntityTypes.StreetAddress, EntityTypes.Organization];

    private static bool IsBetter(EntityMatch candidate, EntityMatch best)
    {
        var candidateProven = IsProven(candidate);
        if (candidateProven != IsProven(best) && (Guessed.Contains(candidate.EntityType) || Guessed.Contains(best.EntityType)))
        {
            return candidateProven;
        }

        return candidate.Length > best.Length || (candidate.Length == best.Length && candidate.Score > best.Score);
    }

    private static bool IsProven(EntityMatch match) => match.Score >= 1.0 && !Guessed.Contains(match.EntityType);
}
