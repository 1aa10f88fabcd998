using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Quality;

// Trains the classifier-head specialist on BANKING77's training split and scores it on the test split.
// Usage and flags: docs/specialists.md.
if (!Arguments.Create().TryParse(args, out var parsed, out var exitCode))
{
    return exitCode;
}

var dataPath = parsed.GetValue(Arguments.Data);
var write = !parsed.GetValue(Arguments.NoWrite);
var explore = parsed.GetValue(Arguments.Explore);
var selective = parsed.GetValue(Arguments.Selective);
var fineTuneMinutes = parsed.GetValue(Arguments.FineTune);
var noCache = parsed.GetValue(Arguments.NoCache);
var waitMinutes = parsed.GetValue(Arguments.Wait);
var options = ClassifierHeadRecipe.Default with { HiddenUnits = parsed.GetValue(Arguments.Hidden) };

var root = DataPaths.FindRepositoryRoot();
var data = DataPaths.FindSharedData(root, dataPath);
var folder = data is null ? null : Path.Combine(data, "banking77");
if (folder is null || !File.Exists(Path.Combine(folder, "train.csv")) || !File.Exists(Path.Combine(folder, "test.csv")))
{
    Console.Error.WriteLine($"Skipped: banking77/train.csv and test.csv not found (../shared/data beside the repository, ${DataPaths.SharedDataVariable} or --data).");
    return 0;
}

var trainSet = Banking77.Load(Path.Combine(folder, "train.csv"));
var testSet = Banking77.Load(Path.Combine(folder, "test.csv"));
var labels = trainSet.Categories.Order(StringComparer.Ordinal).ToArray();
Console.WriteLine($"BANKING77: {trainSet.Texts.Length} training and {testSet.Texts.Length} test queries, {labels.Length} intents");

// Other work on a shared machine takes cores from embedding and training alike: wait for a quiet machine first.
var quiet = explore || selective || await LoadAverage.WaitBelowAsync(1.5, TimeSpan.FromMinutes(waitMinutes));
var loadBefore = LoadAverage.Read();
using var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions { BatchSize = 64 });
var (train, trainEmbedding, trainCached) = await EmbeddedSet.LoadAsync(generator, trainSet, labels, "banking77-train-minilm", useCache: !noCache);
var (test, testEmbedding, testCached) = await EmbeddedSet.LoadAsync(generator, testSet, labels, "banking77-test-minilm", useCache: !noCache);
var embedding = new EmbeddingFigures(trainSet.Texts.Length + testSet.Texts.Length, trainEmbedding + testEmbedding, trainCached || testCached);
Console.WriteLine(embedding.Cached ? "Embeddings: from the vector cache (run with --no-cache to time them)" : $"Embeddings: {embedding.Texts} texts in {embedding.Time.TotalSeconds:0.0} s");

if (selective)
{
    // The replay posts the test split as captured calls; queries it never saw come from the training split.
    SelectiveBenchmark.Run(test, train, labels, generator.Model.ModelId, options, bar: 0.95, seeds: 5);
    return 0;
}

if (fineTuneMinutes is { } minutes)
{
    await FineTuneBenchmark.RunAsync(trainSet, testSet, train, test, labels, generator.Model.ModelId, options, embedding, TimeSpan.FromMinutes(minutes), bar: 0.95);
    return 0;
}

if (explore)
{
    Explore.Run(train, labels);
    return 0;
}

var loadBeforeTraining = LoadAverage.Read();
var result = HeadBenchmark.Run(train, test, labels, generator.Model.ModelId, options);
var report = MarkdownReport.Render(new RunInfo(DateTime.UtcNow, Environment.ProcessorCount, loadBefore, loadBeforeTraining, LoadAverage.Read(), quiet), options, embedding, result);
Console.WriteLine();
Console.WriteLine(report);
if (write && root is not null)
{
    var doc = Path.Combine(root, "docs", "specialists.md");
    MarkdownReport.WriteInto(doc, report);
    Console.WriteLine($"Wrote {doc}");
}

return 0;
