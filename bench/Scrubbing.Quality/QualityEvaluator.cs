namespace SlmPlatform.Scrubbing.Quality;

/// <summary>Token-level scoring in the manner of presidio-research's evaluator, plus the share of spans fully masked.</summary>
internal static class QualityEvaluator
{
    public static QualityReport Evaluate(string name, TextScrubber scrubber, IReadOnlyList<PresidioSample> samples, string dataSet = "the Presidio synthetic set")
    {
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldSpans = new Dictionary<string, int>(StringComparer.Ordinal);
        var maskedSpans = new Dictionary<string, int>(StringComparer.Ordinal);
        var verbatimSpans = new Dictionary<string, int>(StringComparer.Ordinal);
        var confusion = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        int anyPredicted = 0, anyPredictedOnPii = 0, anyGold = 0, anyGoldMasked = 0;

        foreach (var sample in samples)
        {
            var goldSpanList = sample.Spans.Select(s => (s.Start, s.End, Type: EntityMapping.FromGold(s.EntityType))).ToList();
            var found = scrubber.Scrub(sample.FullText).Entities
                .Select(e => (e.Start, End: e.End, Type: EntityMapping.FromPrediction(e.EntityType)))
                .ToList();
            var tokens = TokenLabels.Label(sample.FullText, goldSpanList, found);

            foreach (var token in tokens)
            {
                Increment(Row(confusion, token.Gold), token.Predicted);
                if (token.Gold != EntityMapping.Outside)
                {
                    Increment(gold, token.Gold);
                    anyGold++;
                    anyGoldMasked += token.Predicted != EntityMapping.Outside ? 1 : 0;
                }

                if (token.Predicted != EntityMapping.Outside)
                {
                    Increment(predicted, token.Predicted);
                    anyPredicted++;
                    anyPredictedOnPii += token.Gold != EntityMapping.Outside ? 1 : 0;
                }

                if (token.Gold != EntityMapping.Outside && token.Gold == token.Predicted)
                {
                    Increment(truePositives, token.Gold);
                }
            }

            foreach (var span in goldSpanList)
            {
                Increment(goldSpans, span.Type);
                var inside = tokens.Where(t => t.Start < span.End && span.Start < t.End).ToList();
                if (inside.Count > 0 && inside.TrueForAll(t => t.Predicted != EntityMapping.Outside))
                {
                    Increment(maskedSpans, span.Type);
                }
                else if (inside.TrueForAll(t => t.Predicted == EntityMapping.Outside))
                {
                    Increment(verbatimSpans, span.Type);
                }
            }
        }

        var types = gold.Keys.Union(predicted.Keys).Order(StringComparer.Ordinal)
            .Select(t => new TypeScore(
                t,
                gold.GetValueOrDefault(t),
                predicted.GetValueOrDefault(t),
                truePositives.GetValueOrDefault(t),
                goldSpans.GetValueOrDefault(t),
                maskedSpans.GetValueOrDefault(t),
                verbatimSpans.GetValueOrDefault(t)))
            .ToList();
        var totalPredicted = predicted.Values.Sum();
        return new QualityReport(
            name,
            dataSet,
            types,
            confusion.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Value, StringComparer.Ordinal),
            totalPredicted == 0 ? double.NaN : (double)truePositives.Values.Sum() / totalPredicted,
            anyPredicted == 0 ? double.NaN : (double)anyPredictedOnPii / anyPredicted,
            anyGold == 0 ? double.NaN : (double)anyGoldMasked / anyGold);
    }

    private static Dictionary<string, int> Row(Dictionary<string, Dictionary<string, int>> confusion, string gold)
    {
        if (!confusion.TryGetValue(gold, out var row))
        {
            row = new Dictionary<string, int>(StringComparer.Ordinal);
            confusion[gold] = row;
        }

        return row;
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
