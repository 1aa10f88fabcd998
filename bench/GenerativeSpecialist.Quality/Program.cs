using System.Diagnostics;
using System.Globalization;
using SlmPlatform.Contracts;
using SlmPlatform.Evaluation;
using SlmPlatform.GenerativeSpecialist.Quality;
using SlmPlatform.Specialists.Generative;

// Usage: dotnet run -c Release --project bench/GenerativeSpecialist.Quality -- [--data DIR] [--minutes 15]
//        [--dimension N] [--layers N] [--heads N] [--ff N] [--epochs N] [--batch N] [--lr X] [--dropout X]
//        [--tokenizer word|character] [--threads 2] [--no-wait] [--out DIR] [--resume] [--skip-gguf] [--test N]; --help lists them.
if (!Arguments.Create().TryParse(args, out var parsed, out var exitCode))
{
    return exitCode;
}

// llama.cpp logs every load at length on stderr; keep warnings and errors only.
LLama.Native.NativeLibraryConfig.All.WithLogCallback((level, message) =>
{
    if (level is LLama.Native.LLamaLogLevel.Warning or LLama.Native.LLamaLogLevel.Error)
    {
        Console.Error.Write(message);
    }
});
var root = DataPaths.FindRepositoryRoot();
var data = DataPaths.FindSharedData(root, parsed.GetValue(Arguments.Data));
var folder = data is null ? null : Path.Combine(data, "banking77");
if (folder is null || !File.Exists(Path.Combine(folder, "train.csv")) || !File.Exists(Path.Combine(folder, "test.csv")))
{
    Console.WriteLine("BANKING77 not found (expected ../shared/data/banking77/{train,test}.csv beside the repository, or --data, " +
        $"or ${DataPaths.SharedDataVariable}); skipping the generative-specialist benchmark.");
    return 0;
}

static List<(string Prompt, string Answer)> Pairs(Banking77 set) =>
    [.. set.Texts.Select((t, i) => (t.Trim(), $"{{\"intent\": \"{set.Categories[set.Labels[i]]}\"}}"))];

var all = Pairs(Banking77.Load(Path.Combine(folder, "train.csv")));
var test = Pairs(Banking77.Load(Path.Combine(folder, "test.csv")));
if (parsed.GetValue(Arguments.Test) is { } first)
{
    test = [.. test.Take(first)]; // a quick look only; the figures use the whole split
}

var random = new Random(7);
var shuffled = all.OrderBy(_ => random.Next()).ToList();
var validationCount = parsed.GetValue(Arguments.Validation);
var validation = shuffled.Take(validationCount).ToList();
var train = shuffled.Skip(validationCount).ToList();
var threads = parsed.GetValue(Arguments.Threads);
var options = new GenerativeTrainingOptions
{
    Tokenizer = parsed.GetValue(Arguments.Tokenizer) == "character" ? TokenizerKind.Character : TokenizerKind.Word,
    Dimension = parsed.GetValue(Arguments.Dimension),
    Layers = parsed.GetValue(Arguments.Layers),
    Heads = parsed.GetValue(Arguments.Heads),
    FeedForward = parsed.GetValue(Arguments.FeedForward),
    ContextLength = parsed.GetValue(Arguments.Context),
    Epochs = parsed.GetValue(Arguments.Epochs),
    BatchSize = parsed.GetValue(Arguments.Batch),
    LearningRate = parsed.GetValue(Arguments.LearningRate),
    Dropout = parsed.GetValue(Arguments.Dropout),
    MaxTrainingTime = TimeSpan.FromMinutes(parsed.GetValue(Arguments.Minutes)),
    EvaluationInterval = 250,
    CheckpointInterval = 250,
    ProgressInterval = 50,
    FinalExactMatchSamples = validationCount,
    Threads = threads,
};

Console.WriteLine($"BANKING77: {train.Count} train, {validation.Count} validation (from train.csv), {test.Count} test");
Console.WriteLine($"options: {options}");
bool? waited = parsed.GetValue(Arguments.NoWait) ? null : await LoadAverage.WaitBelowAsync(2.0, TimeSpan.FromMinutes(10));
var loadBefore = LoadAverage.Read();
Console.WriteLine($"load average at start: {loadBefore}");

var output = parsed.GetValue(Arguments.Out)!;
var checkpoints = Path.Combine(output, "checkpoints");
if (Directory.Exists(checkpoints) && !parsed.GetValue(Arguments.Resume))
{
    Directory.Delete(checkpoints, recursive: true);
}

var loads = new List<double>();
var progress = new ConsoleProgress(loads);
var clock = Stopwatch.StartNew();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
using var model = await GenerativeTrainer.TrainAsync(train, validation, options, progress, checkpoints);
var wallClock = clock.Elapsed; // training plus the final validation scoring
var summary = model.Summary!;
var trainingTime = summary.Elapsed;
var trainingCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine($"trained {summary.Steps} steps in {trainingTime.TotalMinutes:0.0} min ({wallClock.TotalMinutes:0.0} min with the final validation scoring) (budget stop: {summary.StoppedByTimeBudget}); " +
    $"{summary.Parameters:N0} parameters; vocabulary {model.Tokenizer.VocabularySize}; validation EM {summary.ValidationExactMatch:0.000}");

var torchEval = model.Evaluate(test);
Console.WriteLine($"TorchSharp test exact match: {torchEval.ExactMatch:0.0000} ({torchEval.ExactMatches}/{torchEval.Count}); " +
    $"{torchEval.GeneratedTokens / torchEval.Elapsed.TotalSeconds:0} generated tokens/s batched");

var rows = new List<string>();
var selective = new List<string>();
foreach (var quantization in parsed.GetValue(Arguments.SkipGguf) ? [] : new[] { GgufQuantization.F32, GgufQuantization.Q8_0 })
{
    var path = Path.Combine(output, $"banking77-{quantization}.gguf");
    model.ExportGguf(path, quantization);
    using var served = GgufSpecialist.Load(path, threads);
    var scored = test.Select(e => served.GenerateScored(e.Prompt)).ToList();
    var answers = scored.Select(a => a.Text).ToList();
    var agree = answers.Where((a, i) => a == torchEval.Predictions[i]).Count();
    var exact = answers.Where((a, i) => a == test[i].Answer).Count();
    var (tokens, elapsed) = served.Usage;
    var row = $"| {quantization} | {new FileInfo(path).Length / 1e6:0.0} MB | {(double)exact / test.Count:0.0000} | {agree}/{test.Count} ({(double)agree / test.Count:0.0000}) | " +
        $"{tokens / elapsed.TotalSeconds:0} | {elapsed.TotalMilliseconds / test.Count:0.0} ms |";
    rows.Add(row);
    Console.WriteLine(row);

    // Selective routing: the threshold is chosen on the validation queries at the bar, then held to on the test split.
    var calibration = validation.Select(e => (Answer: served.GenerateScored(e.Prompt), Expected: e.Answer)).ToList();
    var curve = RiskCoverage.Curve(AnswerConfidence.SequenceProbability, [.. calibration.Select(c => ((double?)c.Answer.SequenceProbability, c.Answer.Text == c.Expected))]);
    var point = RiskCoverage.AtBar(curve, 0.95);
    var threshold = point?.Threshold ?? double.PositiveInfinity;
    var answered = scored.Select((a, i) => (a, i)).Where(p => p.a.SequenceProbability >= threshold).ToList();
    var agreedAnswered = answered.Count(p => p.a.Text == test[p.i].Answer);
    selective.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {quantization} | {(point is null ? "–" : point.Threshold.ToString("0.0000", CultureInfo.InvariantCulture))} | {point?.Coverage ?? 0:0.000} ({point?.Answered ?? 0} of {calibration.Count}) | " +
        $"{(double)answered.Count / test.Count:0.000} | {(answered.Count == 0 ? double.NaN : (double)agreedAnswered / answered.Count):0.000} | {(agreedAnswered + test.Count - answered.Count) / (double)test.Count:0.000} |"));
}

Console.WriteLine();
Console.WriteLine("| figure | value |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| training data | {train.Count} train / {validation.Count} validation (BANKING77 train.csv), scored on {test.Count} test |");
Console.WriteLine($"| model | {model.Shape.Layers} layers, d={model.Shape.Dimension}, {model.Shape.Heads} heads, ff={model.Shape.FeedForward}, {model.Tokenizer.Kind} tokenizer ({model.Tokenizer.VocabularySize} tokens), {summary.Parameters:N0} parameters |");
Console.WriteLine($"| training | {summary.Steps} steps ({(double)summary.Steps * options.BatchSize / train.Count:0.0} epochs), {trainingTime.TotalMinutes:0.0} min wall clock on {threads} threads ({trainingCpu.TotalMinutes:0.0} CPU-min used by this process including the final validation scoring, of {wallClock.TotalMinutes * threads:0.0} on {threads} cores), final loss {summary.FinalLoss:0.0000}, validation loss {summary.ValidationLoss:0.0000} |");
Console.WriteLine($"| load average | {loadBefore} at start (waited for < 2.0: {(waited is null ? "skipped" : waited.Value ? "yes" : "gave up after 10 min")}); during training min {loads.DefaultIfEmpty().Min():0.00} / mean {loads.DefaultIfEmpty().Average():0.00} / max {loads.DefaultIfEmpty().Max():0.00} |");
Console.WriteLine($"| TorchSharp exact match (test) | {torchEval.ExactMatch:0.0000} ({torchEval.ExactMatches}/{torchEval.Count}) |");
Console.WriteLine($"| TorchSharp greedy generation | {torchEval.GeneratedTokens / torchEval.Elapsed.TotalSeconds:0} tokens/s (batched by prompt length, no KV cache) |");
Console.WriteLine();
Console.WriteLine("| GGUF | size | exact match (test) | same answer as TorchSharp | tokens/s (one prompt at a time) | per query |");
Console.WriteLine("|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine("Selective routing at bar 0.95 (lower bound), confidence = the probability of the whole greedy answer, threshold chosen on the validation queries:");
Console.WriteLine("| GGUF | threshold | coverage (validation) | coverage (test) | agreement on answered (test) | agreement overall, the teacher answering the rest (test) |");
Console.WriteLine("|---|---|---|---|---|---|");
selective.ForEach(Console.WriteLine);
return 0;

internal sealed class ConsoleProgress(List<double> loads) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress p)
    {
        if (LoadAverage.Current() is { } load)
        {
            loads.Add(load);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  step {p.Step}/{p.TotalSteps} epoch {p.Epoch} loss {p.Loss:0.0000}{(p.ValidationLoss is { } v ? $" val {v:0.0000}" : "")} lr {p.LearningRate:0.00000} {p.TokensPerSecond:0} tok/s elapsed {p.Elapsed:mm\\:ss} eta {p.EstimatedRemaining:mm\\:ss} cpu {Process.GetCurrentProcess().TotalProcessorTime:mm\\:ss} load {LoadAverage.Read()}"));
    }
}
