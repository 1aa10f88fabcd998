namespace SlmPlatform.Replicas.Benchmarks;

/// <summary>The rounds as a Markdown table, each replica count beside the mean of the single-replica rounds.</summary>
internal static class ResultTable
{
    public static string ToMarkdown(IReadOnlyList<RoundResult> rounds, BenchmarkOptions options, string before, string after)
    {
        var baseline = rounds.Where(r => r.Replicas == 1).Average(r => r.CallsPerSecond);
        var table = new System.Text.StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{options.CallCount:N0} calls queued per round; measured from 5 % to 95 % stored. Load average {before} before, {after} after.");
        table.AppendLine();
        table.AppendLine("| replicas | stored calls/s | × 1 replica (mean) | cores per replica | machine cores busy |");
        table.AppendLine("| ---: | ---: | ---: | --- | ---: |");
        foreach (var round in rounds)
        {
            var cores = string.Join(" / ", round.ReplicaCores.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {round.Replicas} | {round.CallsPerSecond:N0} | {round.CallsPerSecond / baseline:0.00} | {cores} | {round.MachineCores:0.00} |");
        }

        return table.ToString();
    }
}
