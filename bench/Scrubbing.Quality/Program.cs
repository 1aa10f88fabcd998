using SlmPlatform.Scrubbing;
using SlmPlatform.Scrubbing.Quality;
using SlmPlatform.Scrubbing.Recognizers;

// Quality of the scrubber on Presidio's synthetic set (per-type precision, recall, F2, confusion) and its throughput
// beside a one-regex baseline, on that text and on BFCL prompts. Usage and flags: docs/scrubbing.md.
if (!Arguments.Create().TryParse(args, out var parsed, out var exitCode))
{
    return exitCode;
}

var seconds = parsed.GetValue(Arguments.Seconds);
var dataPath = parsed.GetValue(Arguments.Data);
var dev = parsed.GetValue(Arguments.Dev);
var write = !parsed.GetValue(Arguments.NoWrite);

if (parsed.GetValue(Arguments.TrainContextual) is { } headPath)
{
    ContextualTraining.Run(headPath, parsed.GetValue(Arguments.ContextualSentences), parsed.GetValue(Arguments.ContextualHidden), parsed.GetValue(Arguments.ContextualEpochs), Console.Out);
    return 0;
}

if (parsed.GetValue(Arguments.TrainWindow) is { } windowPath)
{
    WindowTraining.Run(windowPath, parsed.GetValue(Arguments.ContextualSentences), parsed.GetValue(Arguments.WindowDimensions), parsed.GetValue(Arguments.WindowHidden), parsed.GetValue(Arguments.ContextualEpochs), Console.Out);
    return 0;
}

if (dev)
{
    // Rules and features are tuned on these generated sets, never on the Presidio set (docs/adr/0006).
    var heldOut = DevSet.HeldOut();
    var reports = new List<QualityReport>();
    foreach (var (name, scrubber) in Modes())
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        reports.Add(QualityEvaluator.Evaluate(name, scrubber(), heldOut, DevSet.HeldOutName));
        reports.Add(QualityEvaluator.Evaluate(name, scrubber(), DevSet.OfTrainingTemplates(), DevSet.TrainingTemplatesName));
        reports.Add(QualityEvaluator.Evaluate(name, scrubber(), DevSet.WithInventedValues(), DevSet.InventedValuesName));
        Console.Error.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    Console.WriteLine(MarkdownReport.Render(new RunInfo(DateTime.UtcNow, SourceCommit.Describe(DataPaths.FindRepositoryRoot()), Environment.ProcessorCount, "-", "-"), reports, []));
    if (parsed.GetValue(Arguments.Misses))
    {
        DevSet.PrintMisses(heldOut, DefaultRecognizers.CreateScrubber(), Console.Out);
    }

    return 0;
}

var root = DataPaths.FindRepositoryRoot();
var data = DataPaths.FindSharedData(root, dataPath);
if (data is null)
{
    Console.Error.WriteLine($"Skipped: no shared data folder (../shared/data beside the repository, ${DataPaths.SharedDataVariable} or --data).");
    return 0;
}

var loadBefore = LoadAverage();
var commit = SourceCommit.Describe(root);

// The first scrub in a process builds the gazetteers: what that costs in time and memory.
var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
var coldStart = System.Diagnostics.Stopwatch.StartNew();
DefaultRecognizers.CreateScrubber().Scrub("Hello Maria, see you in Boston.");
coldStart.Stop();
var gazetteerBytes = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
var presidioPath = Path.Combine(data, PresidioSet.RelativePath);
var bfclPath = Path.Combine(data, BfclPrompts.RelativeFolder);
var samples = File.Exists(presidioPath) ? PresidioSet.Load(presidioPath) : [];
var prompts = Directory.Exists(bfclPath) ? BfclPrompts.Load(bfclPath) : [];
if (samples.Count == 0)
{
    Console.Error.WriteLine($"Skipped quality: {presidioPath} is absent.");
}

if (prompts.Count == 0)
{
    Console.Error.WriteLine($"Skipped BFCL throughput: no BFCL_*.json in {bfclPath}.");
}

var scanners = new (string Name, TextScrubber Scrubber)[]
{
    ("structured recognizers", new TextScrubber(DefaultRecognizers.CreateStructured(), new TypedPlaceholderOperator())),
    (RulesAndLists, DefaultRecognizers.CreateScrubber()),
    (WithContextualTagger, DefaultRecognizers.CreateScrubber(contextualTagger: true)),
    (WithContextualTaggerEverywhere, TaggerEverywhere()),
    (WithEncoderTagger, DefaultRecognizers.CreateScrubber(contextualTagger: true, ContextualTaggerModel.Encoder)),
};

var quality = samples.Count == 0 ? [] : scanners.Select(s => QualityEvaluator.Evaluate(s.Name, s.Scrubber, samples)).ToList();
var test = quality.LastOrDefault();
if (test is not null)
{
    // Both modes on the development sets, so that the report states the gap between them and the test set.
    foreach (var (name, scrubber) in Modes())
    {
        quality.Add(QualityEvaluator.Evaluate(name, scrubber(), DevSet.HeldOut(), DevSet.HeldOutName));
        quality.Add(QualityEvaluator.Evaluate(name, scrubber(), DevSet.OfTrainingTemplates(), DevSet.TrainingTemplatesName));
        quality.Add(QualityEvaluator.Evaluate(name, scrubber(), DevSet.WithInventedValues(), DevSet.InventedValuesName));
    }
}

List<string> notes = prompts.Count == 0 ? [] : [.. scanners.Skip(1).Select(s => FalseAlarmCheck.Describe(s.Name, s.Scrubber, prompts))];

var throughput = new List<ThroughputResult>();
foreach (var (corpus, texts) in new[] { ("Presidio synthetic", samples.Select(s => s.FullText).ToList()), ("BFCL prompts", prompts.ToList()) })
{
    if (texts.Count == 0)
    {
        continue;
    }

    throughput.Add(Throughput.Measure(corpus, "baseline: e-mail regex alone", texts, Throughput.CountEmails, seconds));
    foreach (var (name, scrubber) in scanners)
    {
        throughput.Add(Throughput.Measure(corpus, name, texts, t => scrubber.Scrub(t).Entities.Count, seconds));
    }
}

if (parsed.GetValue(Arguments.PerRecognizer))
{
    // Where the time goes: each recognizer alone over the Presidio text.
    var texts = samples.Select(s => s.FullText).ToList();
    foreach (var recognizer in DefaultRecognizers.Create().Where(r => r is not HealthAndIdentityRecognizer).Concat(HealthAndIdentityRecognizer.CreateParts()))
    {
        var name = recognizer is ContextualValueRecognizer contextual ? $"{recognizer.GetType().Name}({contextual.EntityType})" : recognizer.GetType().Name;
        throughput.Add(Throughput.Measure("Presidio synthetic, one recognizer", name, texts, t => recognizer.Recognize(t).Count(), seconds));
    }
}

var run = new RunInfo(DateTime.UtcNow, commit, Environment.ProcessorCount, loadBefore, LoadAverage(), coldStart.Elapsed, gazetteerBytes);
var markdown = MarkdownReport.Render(run, quality, throughput, test, notes);
Console.WriteLine(markdown);
if (write && root is not null)
{
    var doc = Path.Combine(root, "docs", "scrubbing.md");
    MarkdownReport.WriteInto(doc, markdown);
    Console.Error.WriteLine($"Wrote {doc}");
}

return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

internal static partial class Program
{
    private const string RulesAndLists = "rules and lists (the default)";
    private const string WithContextualTagger = "with the contextual tagger (Scrubbing:ContextualTagger, word window)";
    private const string WithContextualTaggerEverywhere = "the word-window tagger on every token";
    private const string WithEncoderTagger = "with the contextual tagger on the encoder (Scrubbing:ContextualModel=Encoder)";

    /// <summary>The modes every set is scored in: without the tagger, with it where the rules left something (as the
    /// service runs it), with it reading every token, and with the encoder in its place.</summary>
    private static (string Name, Func<TextScrubber> Scrubber)[] Modes() =>
    [
        (RulesAndLists, () => DefaultRecognizers.CreateScrubber()),
        (WithContextualTagger, () => DefaultRecognizers.CreateScrubber(contextualTagger: true)),
        (WithContextualTaggerEverywhere, TaggerEverywhere),
        (WithEncoderTagger, () => DefaultRecognizers.CreateScrubber(contextualTagger: true, ContextualTaggerModel.Encoder)),
    ];

    private static TextScrubber TaggerEverywhere() => new(
        [.. DefaultRecognizers.Create(contextualTagger: true).Select(r => r is ContextualTaggerRecognizer ? new ContextualTaggerRecognizer(enabled: true, ContextualTaggerModel.WordWindow, everywhere: true) : r)],
        new TypedPlaceholderOperator());
}
