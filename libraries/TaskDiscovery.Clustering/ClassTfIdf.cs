using System.Collections.Frozen;

namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Topic labels as BERTopic makes them: class-based TF-IDF, where each cluster's documents are one document. A term's
/// weight in cluster c is tf(t, c) / |c| × log(1 + A / f(t)), with |c| the cluster's word count, A the average word
/// count per cluster and f(t) the term's count over all clusters (outliers included, as BERTopic's topic -1 is).
/// </summary>
public static class ClassTfIdf
{
    private static readonly FrozenSet<string> StopWords = (
        "a about above after again against all am an and any are as at be because been before being below between both "
        + "but by can could did do does doing down during each few for from further had has have having he her here hers "
        + "him his how i if in into is it its itself just me more most my myself no nor not now of off on once only or "
        + "other our ours out over own same she should so some such than that the their theirs them then there these they "
        + "this those through to too under until up very was we were what when where which while who whom why will with "
        + "would you your yours yourself im ive dont cant didnt doesnt isnt wont").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The <paramref name="top"/> terms of each cluster (labels below zero are not reported), best first.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<(string Term, double Weight)>> TopTerms(
        IReadOnlyList<string> documents, IReadOnlyList<int> labels, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new Dictionary<int, Dictionary<string, int>>();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var cluster = labels[i] < 0 ? -1 : labels[i];
            if (!counts.TryGetValue(cluster, out var terms))
            {
                counts[cluster] = terms = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            foreach (var term in Terms(documents[i]))
            {
                terms[term] = terms.GetValueOrDefault(term) + 1;
                totals[term] = totals.GetValueOrDefault(term) + 1;
            }
        }

        var average = counts.Count == 0 ? 0 : counts.Values.Sum(t => t.Values.Sum()) / (double)counts.Count;
        var result = new Dictionary<int, IReadOnlyList<(string, double)>>();
        foreach (var (cluster, terms) in counts)
        {
            if (cluster < 0)
            {
                continue;
            }

            var words = Math.Max(1, terms.Values.Sum());
            result[cluster] = terms
                .Select(t => (t.Key, Weight: t.Value / (double)words * Math.Log(1 + (average / totals[t.Key]))))
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(top).ToArray();
        }

        return result;
    }

    /// <summary>Lower-cased words of letters and digits (apostrophes dropped), stop words and single characters out.</summary>
    internal static IEnumerable<string> Terms(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                continue;
            }
            else if (word.Length > 0)
            {
                var term = word.ToString();
                word.Clear();
                if (term.Length > 1 && !StopWords.Contains(term))
                {
                    yield return term;
                }
            }
        }
    }
}
