using SlmPlatform.TaskDiscovery.Quality;
using SlmPlatform.TaskDiscovery.Quality.Filing;

// Topic clustering quality on BANKING77, embedding throughput beside raw ONNX Runtime, re-clustering 100,000 vectors.
// Usage and flags: docs/task-discovery.md.
if (!Arguments.Create().TryParse(args, out var parsed, out var exitCode))
{
    return exitCode;
}

var dataPath = parsed.GetValue(Arguments.Data);
var write = !parsed.GetValue(Arguments.NoWrite);
var skipThroughput = parsed.GetValue(Arguments.NoThroughput);
var skipScale = parsed.GetValue(Arguments.NoScale);
var explore = parsed.GetValue(Arguments.Explore);
var cacheOnly = parsed.GetValue(Arguments.Cache);

if (parsed.GetValue(Arguments.Filing))
{
    // Self-made calls through the running services: no shared data needed.
    using var stop = new HarnessStop();
    var filing = new FilingOptions(
        parsed.GetValue(Arguments.Calls),
        parsed.GetValue(Arguments.IngestDll) ?? throw new ArgumentException("--filing needs --ingest-dll"),
        parsed.GetValue(Arguments.ScrubberDll) ?? throw new ArgumentException("--filing needs --scrubber-dll"),
        parsed.GetValue(Arguments.TasksDll) ?? throw new ArgumentException("--filing needs --tasks-dll"),
        parsed.GetValue(Arguments.TasksReplicas),
        parsed.GetValue(Arguments.VectorStore)!);
    var filingLoad = SlmPlatform.Benchmarks.LoadAverage.Read();
    var result = await FilingRun.RunAsync(filing, Console.Error, stop.Token);
    Console.WriteLine($"Load average {filingLoad} before, {SlmPlatform.Benchmarks.LoadAverage.Read()} after; {Environment.ProcessorCount} cores.");
    Console.WriteLine();
    Console.WriteLine(result.ToMarkdown());
    return 0;
}

var root = DataPaths.FindRepositoryRoot();
var data = DataPaths.FindSharedData(root, dataPath);
var csv = data is null ? null : Path.Combine(data, "banking77", "test.csv");
if (csv is null || !File.Exists(csv))
{
    Console.Error.WriteLine($"Skipped: banking77/test.csv not found (../shared/data beside the repository, ${DataPaths.SharedDataVariable} or --data).");
    return 0;
}

if (explore)
{
    // Defaults are chosen on a train sample, never on the test split.
    var train = Banking77.Load(Path.Combine(data!, "banking77", "train.csv"));
    var pick = Enumerable.Range(0, train.Texts.Length).ToArray();
    new Random(77).Shuffle(pick);
    pick = pick[..3080];
    var trainVectors = await EmbedCachedAsync("banking77-train-sample-minilm", [.. pick.Select(i => train.Texts[i])]);
    Explore.Run(new VectorSet(trainVectors, 384), [.. pick.Select(i => train.Labels[i])]);
    return 0;
}

var loadBefore = LoadAverage();
var set = Banking77.Load(csv);
if (cacheOnly)
{
    var speedup = await CacheSpeedup.MeasureAsync(set.Texts[..1000], CacheSpeedup.RouterPrompt(set.Categories));
    var section = CacheSpeedup.Render(speedup, loadBefore, LoadAverage());
    Console.WriteLine(section);
    if (write && root is not null)
    {
        MarkdownReport.WriteInto(Path.Combine(root, "docs", "task-discovery.md"), section, MarkdownReport.CacheBeginMarker, MarkdownReport.CacheEndMarker);
    }

    return 0;
}

Console.WriteLine($"BANKING77 test: {set.Texts.Length} texts, {set.Categories.Length} categories");
var vectors = new VectorSet(await EmbedCachedAsync("banking77-test-minilm", set.Texts), 384);

var quality = QualityRows.Measure(vectors, set.Labels, set.Categories.Length);
var clustering = TopicClusterer.Cluster(vectors);
var terms = ClassTfIdf.TopTerms(set.Texts, clustering.Labels, top: 5);
var largest = clustering.Labels.Where(l => l >= 0).GroupBy(l => l).OrderByDescending(g => g.Count()).Take(5)
    .Select(g => (
        string.Join(", ", terms[g.Key].Select(t => t.Term)),
        set.Categories[clustering.Labels.Select((l, i) => (l, i)).Where(p => p.l == g.Key).GroupBy(p => set.Labels[p.i]).MaxBy(c => c.Count())!.Key],
        g.Count()))
    .ToList();

var throughput = skipThroughput ? [] : await Throughput.MeasureAsync(set.Texts);
var scale = skipScale ? null : Scale.Measure(vectors, set.Labels);
var report = MarkdownReport.Render(new RunInfo(DateTime.UtcNow, SourceCommit.Describe(root), Environment.ProcessorCount, loadBefore, LoadAverage()), quality, largest, throughput, scale);
Console.WriteLine();
Console.WriteLine(report);
if (write && root is not null)
{
    var doc = Path.Combine(root, "docs", "task-discovery.md");
    MarkdownReport.WriteInto(doc, report);
    Console.WriteLine($"Wrote {doc}");
}

return 0;

static async Task<float[]> EmbedCachedAsync(string name, string[] texts)
{
    var cached = VectorCache.TryLoad(name, texts.Length * 384);
    if (cached is not null)
    {
        return cached;
    }

    using var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions { BatchSize = 64 });
    var vectors = (await generator.GenerateAsync(texts)).SelectMany(e => e.Vector.ToArray()).ToArray();
    VectorCache.Save(name, vectors);
    return vectors;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
