using System.Text;

namespace SlmPlatform.TaskDiscovery.Quality;

internal sealed record RunInfo(DateTime Date, string Commit, int Cores, string LoadBefore, string LoadAfter);

/// <summary>Renders the figures as Markdown and puts them between the markers of docs/task-discovery.md.</summary>
internal static class MarkdownReport
{
    public const string BeginMarker = "<!-- task-discovery-quality:begin (written by bench/TaskDiscovery.Quality; do not edit by hand) -->";
    public const string EndMarker = "<!-- task-discovery-quality:end -->";

    public static string Render(RunInfo run, IReadOnlyList<QualityRow> quality, IReadOnlyList<(string Terms, string Category, int Size)> labels,
        IReadOnlyList<ThroughputRow> throughput, ScaleResult? scale)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"Measured {run.Date:yyyy-MM-dd HH:mm} UTC at `{run.Commit}` on {run.Cores} cores (load average {run.LoadBefore} before, {run.LoadAfter} after), .NET {Environment.Version}, Release."));
        md.AppendLine();
        md.AppendLine("BANKING77 test split (3,080 queries, 77 intents), all-MiniLM-L6-v2 vectors. Every query counts: an outlier is a cluster of its own.");
        md.AppendLine();
        md.AppendLine("| method | told k | NMI | ARI | clusters | outliers | seconds |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in quality)
        {
            md.AppendLine(Inv($"| {r.Method} | {(r.ToldK ? "yes" : "no")} | {r.Nmi:F3} | {r.Ari:F3} | {r.Clusters} | {r.OutlierShare:P1} | {r.Seconds:F1} |"));
        }

        if (labels.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("c-TF-IDF labels of the five largest clusters (defaults), beside the intent most of their members carry:");
            md.AppendLine();
            md.AppendLine("| size | top terms | majority intent |");
            md.AppendLine("| ---: | --- | --- |");
            foreach (var (terms, category, size) in labels)
            {
                md.AppendLine(Inv($"| {size} | {terms} | `{category}` |"));
            }
        }

        if (throughput.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(Inv($"Embedding throughput, same texts (BANKING77 test queries), same process. The first two rows ran in {Throughput.Rounds} interleaved rounds, their order swapped each round; their ratio is the median of the rounds' ratios. The others ran once, after them, for reference:"));
            md.AppendLine();
            md.AppendLine("| method | texts | texts/s (median) | rounds | × raw sorted batches |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            var baseline = throughput.Single(t => t.Method == Throughput.Baseline).Median;
            foreach (var t in throughput)
            {
                var ratio = t.Method == Throughput.Generator ? Throughput.MedianRatio(throughput) : t.Median / baseline;
                var rounds = t.PerSecond.Count > 1 ? Inv($"{t.PerSecond.Min():F0}–{t.PerSecond.Max():F0}") : "1";
                md.AppendLine(Inv($"| {t.Method} | {t.Texts} | {t.Median:F0} | {rounds} | {ratio:F2} |"));
            }
        }

        if (scale is not null)
        {
            md.AppendLine();
            md.AppendLine(Inv($"Scale: {scale.Vectors:N0} vectors (the test vectors replicated with noise, cosine ≈ 0.93 to their source) re-clustered with the defaults in **{scale.ClusterSeconds:F1} s**; peak working set of the process {scale.PeakWorkingSetBytes / 1e6:F0} MB, {scale.AllocatedBytes / 1e6:F0} MB allocated while clustering; NMI {scale.Nmi:F3}, {scale.Clusters} clusters, {scale.OutlierShare:P1} outliers. The same vectors in a `FlatVectorIndex`: exact top-10 search {scale.SearchMilliseconds:F1} ms, save {scale.SaveSeconds:F2} s, load {scale.LoadSeconds:F2} s, file {scale.FileBytes / 1e6:F0} MB."));
        }

        return md.ToString();
    }

    public const string CacheBeginMarker = "<!-- task-discovery-cache:begin (written by bench/TaskDiscovery.Quality --cache; do not edit by hand) -->";
    public const string CacheEndMarker = "<!-- task-discovery-cache:end -->";

    public static void WriteInto(string path, string section) => WriteInto(path, section, BeginMarker, EndMarker);

    public static void WriteInto(string path, string section, string beginMarker, string endMarker)
    {
        var block = $"{beginMarker}\n{section.TrimEnd()}\n{endMarker}";
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var begin = text.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? string.Concat(text.AsSpan(0, begin), block, text.AsSpan(end + endMarker.Length))
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
