namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>
/// How much two prompts share word for word: the longest common subsequence of their words over the longer prompt.
/// Prompts filled from one template differ only in their slots and score near 1 whatever the slot holds (after
/// scrubbing, a customer's name may come back as a surrogate of another type), which an embedding alone misjudges
/// when the slot is a large part of a short prompt.
/// </summary>
public static class PromptTemplates
{
    public static double WordOverlap(string first, string second)
    {
        var a = Words(first);
        var b = Words(second);
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        // One row of the LCS table at a time: prompts run to hundreds of words.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var word in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = string.Equals(word, b[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
