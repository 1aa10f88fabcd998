namespace SlmPlatform.Reliability.Faults;

/// <summary>The run as a Markdown table, one row per scenario, as docs/reliability.md shows it.</summary>
internal static class ResultTable
{
    public static string ToMarkdown(IReadOnlyList<ScenarioResult> results, FaultOptions options)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Load: {options.IngestRate:0} calls/s to ingest and {options.GatewayRate:0} chat requests/s through the gateway; the fault after {options.FaultAt.TotalSeconds:0} s, load for {options.After.TotalSeconds:0} s after it healed.");
        table.AppendLine();
        table.AppendLine("| scenario | accepted (ingest + gateway) | stored | dropped, counted | lost | duplicated | stored unconfirmed | stored, not filed | parked | error queues | recovered in | what clients saw | raw canaries | verdict |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |");
        foreach (var result in results)
        {
            var t = result.Tally;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Scenario.Description} | {t.IngestAccepted} + {t.GatewayRelayed} | {t.Stored} | {t.Dropped} | {t.Lost} | {t.Duplicated} | {t.StoredUnconfirmed} | {(t.Unfiled is { } unfiled ? unfiled.ToString(CultureInfo.InvariantCulture) : "—")} | {t.Parked} | {t.ErrorQueued} | {(t.Recovery is { } recovery ? $"{recovery.TotalSeconds:0.0} s" : "no")} | {ClientsSaw(t)}{(result.Training is { } training ? $"; fine-tune: {training}" : "")} | {(result.CanariesFound.Count == 0 ? "none" : string.Join(", ", result.CanariesFound))} | {Verdict(result)} |");
        }

        return table.ToString();
    }

    private static string ClientsSaw(Tally tally)
    {
        static string Outcomes(IReadOnlyDictionary<string, int> outcomes) =>
            string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} × {o.Value}"));

        var parts = new List<string>();
        if (tally.IngestRetries.Count > 0)
        {
            parts.Add($"ingest retried on {Outcomes(tally.IngestRetries)}");
        }

        if (tally.GatewayFailures.Count > 0)
        {
            parts.Add($"gateway answered {Outcomes(tally.GatewayFailures)}");
        }

        if (tally.SpecialistAnswers > 0)
        {
            parts.Add($"the specialist answered {tally.SpecialistAnswers} (not captured, by design), the teacher the rest");
        }

        if (tally.IngestSent > tally.IngestAccepted)
        {
            parts.Add($"{tally.IngestSent - tally.IngestAccepted} calls never accepted");
        }

        return parts.Count == 0 ? "all answered at once" : string.Join("; ", parts);
    }

    private static string Verdict(ScenarioResult result) =>
        result.Passed ? "as specified" : string.Join("; ", Problems(result));

    private static IEnumerable<string> Problems(ScenarioResult result)
    {
        var t = result.Tally;
        if (t.Lost > 0) yield return $"{t.Lost} lost";
        if (t.Duplicated > 0) yield return $"{t.Duplicated} duplicated";
        if (t.Unfiled > 0) yield return $"{t.Unfiled} stored calls never filed";
        if (t.ErrorQueued > 0) yield return $"{t.ErrorQueued} in error queues";
        foreach (var (queue, messages) in t.StillQueued) yield return $"{messages} still in {queue}";
        foreach (var service in result.Unhealthy) yield return $"{service} unhealthy";
        if (result.CanariesFound.Count > 0) yield return "raw personal data found";
        if (result.TrainingProblem is { } problem) yield return problem;
    }
}
