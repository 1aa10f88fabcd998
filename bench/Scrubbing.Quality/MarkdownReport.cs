namespace SlmPlatform.Scrubbing.Quality;

/// <summary>Renders the figures as Markdown and puts them between the markers of docs/scrubbing.md.</summary>
internal static class MarkdownReport
{
    public const string BeginMarker = "<!-- scrubbing-quality:begin (written by bench/Scrubbing.Quality; do not edit by hand) -->";
    public const string EndMarker = "<!-- scrubbing-quality:end -->";

    public static string Render(RunInfo run, IReadOnlyList<QualityReport> quality, IReadOnlyList<ThroughputResult> throughput, QualityReport? confusionOf = null, IReadOnlyList<string>? notes = null)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"Measured {run.Date:yyyy-MM-dd HH:mm} UTC at `{run.Commit}` on {run.Cores} cores (load average {run.LoadBefore} before, {run.LoadAfter} after), .NET {Environment.Version}, Release, one thread."));
        if (run.ColdStart > TimeSpan.Zero)
        {
            md.AppendLine();
            md.AppendLine(Inv($"First scrub in a process (builds the gazetteers): {run.ColdStart.TotalMilliseconds:F0} ms; they hold about {run.GazetteerBytes / 1e6:F0} MB of managed memory."));
        }

        md.AppendLine();
        foreach (var report in quality)
        {
            AppendQuality(md, report);
        }

        foreach (var test in quality.Where(q => q.DataSet == confusionOf?.DataSet))
        {
            foreach (var dev in quality.Where(q => q.Name == test.Name && q.DataSet != test.DataSet))
            {
                AppendGap(md, test, dev);
            }
        }

        foreach (var note in notes ?? [])
        {
            md.AppendLine(note);
            md.AppendLine();
        }

        if (quality.Count > 0)
        {
            AppendConfusion(md, confusionOf ?? quality[^1]);
        }

        if (throughput.Count > 0)
        {
            AppendThroughput(md, throughput);
        }

        return md.ToString();
    }

    public static void WriteInto(string path, string section)
    {
        var block = $"{BeginMarker}\n{section.TrimEnd()}\n{EndMarker}";
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Scrubbing\n\n## Measured quality and throughput\n\n";
        var begin = existing.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = begin >= 0 && end > begin
            ? string.Concat(existing.AsSpan(0, begin), block, existing.AsSpan(end + EndMarker.Length))
            : existing.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, updated);
    }

    private static void AppendQuality(StringBuilder md, QualityReport report)
    {
        var (verbatim, values) = report.IdentifiersVerbatim;
        md.AppendLine(Inv($"**{report.Name}** on {report.DataSet}: precision {F(report.StrictPrecision)} (type must match), any-PII precision {F(report.AnyPiiPrecision)}, any-PII recall {F(report.AnyPiiRecall)} (a word of any entity masked as anything); identifier values left verbatim: {verbatim}/{values} ({F(values == 0 ? double.NaN : (double)verbatim / values)})."));
        md.AppendLine();
        md.AppendLine("| type | gold words | flagged words | precision | recall | F2 | spans fully masked | left verbatim | partly masked |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in report.Types)
        {
            md.AppendLine(Inv($"| {t.Type} | {t.GoldTokens} | {t.PredictedTokens} | {F(t.Precision)} | {F(t.Recall)} | {F(t.F2)} | {Share(t.MaskedSpans, t.GoldSpans)} | {Share(t.VerbatimSpans, t.GoldSpans)} | {Share(t.PartialSpans, t.GoldSpans)} |"));
        }

        md.AppendLine();
    }

    // Three significant digits: the model-backed scanner runs at hundredths of a MB/s.
    private static string Speed(double megabytesPerSecond) => megabytesPerSecond.ToString(megabytesPerSecond >= 1 ? "F2" : "G3", CultureInfo.InvariantCulture);

    /// <summary>Recall and precision on a development set beside the test set, per type both score.</summary>
    private static void AppendGap(StringBuilder md, QualityReport test, QualityReport dev)
    {
        md.AppendLine(Inv($"**{test.Name}**, {dev.DataSet} against {test.DataSet} (test − development):"));
        md.AppendLine();
        md.AppendLine("| type | recall dev | recall test | gap | precision dev | precision test | gap | verbatim dev | verbatim test |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var d in dev.Types.Where(t => t.GoldTokens > 0))
        {
            var t = test.Types.FirstOrDefault(x => x.Type == d.Type);
            if (t is null || t.GoldTokens == 0)
            {
                continue;
            }

            md.AppendLine(Inv($"| {d.Type} | {F(d.Recall)} | {F(t.Recall)} | {Signed(t.Recall - d.Recall)} | {F(d.Precision)} | {F(t.Precision)} | {Signed(t.Precision - d.Precision)} | {F(d.VerbatimShare)} | {F(t.VerbatimShare)} |"));
        }

        md.AppendLine(Inv($"| all (strict precision) | | | | {F(dev.StrictPrecision)} | {F(test.StrictPrecision)} | {Signed(test.StrictPrecision - dev.StrictPrecision)} | | |"));
        md.AppendLine();
    }

    private static void AppendConfusion(StringBuilder md, QualityReport report)
    {
        var columns = report.Confusion.Values.SelectMany(r => r.Keys).Distinct().Order(StringComparer.Ordinal)
            .OrderBy(c => c == EntityMapping.Outside ? 1 : 0).ToList();
        md.AppendLine(Inv($"Confusion of **{report.Name}** (words; rows: Presidio's label mapped to ours, columns: what we flagged them as, O = left alone):"));
        md.AppendLine();
        md.AppendLine("| gold \\ flagged | " + string.Join(" | ", columns) + " |");
        md.AppendLine("| --- | " + string.Join(" | ", columns.Select(_ => "---:")) + " |");
        foreach (var row in report.Confusion.OrderBy(r => r.Key == EntityMapping.Outside ? 1 : 0).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            md.AppendLine($"| {row.Key} | " + string.Join(" | ", columns.Select(c => row.Value.TryGetValue(c, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "")) + " |");
        }

        md.AppendLine();
    }

    private static void AppendThroughput(StringBuilder md, IReadOnlyList<ThroughputResult> throughput)
    {
        md.AppendLine("Throughput (UTF-8 bytes of the texts; per core = per second of this process's CPU time):");
        md.AppendLine();
        md.AppendLine("| corpus | scanner | MB/s per core | MB/s wall | × baseline | entities per pass |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var group in throughput.GroupBy(t => t.Corpus))
        {
            var baseline = group.First().MegabytesPerCpuSecond;
            foreach (var t in group)
            {
                md.AppendLine(Inv($"| {t.Corpus} | {t.Scanner} | {Speed(t.MegabytesPerCpuSecond)} | {Speed(t.MegabytesPerWallSecond)} | {t.MegabytesPerCpuSecond / baseline:G3} | {t.Found} |"));
            }
        }

        md.AppendLine();
    }

    private static string Share(int part, int whole) => whole == 0 ? "–" : Inv($"{part}/{whole} ({F((double)part / whole)})");

    private static string Signed(double value) => double.IsNaN(value) ? "–" : value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed record RunInfo(DateTime Date, string Commit, int Cores, string LoadBefore, string LoadAfter, TimeSpan ColdStart = default, long GazetteerBytes = 0);
