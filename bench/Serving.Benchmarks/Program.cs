using SlmPlatform.Embeddings;
using SlmPlatform.Serving.Benchmarks;
using SlmPlatform.Specialists.Generative;

// Usage: bench/run-serving-benchmark.sh [--queries 100] [--rounds 3] [--gguf FILE | --train-minutes 3] [--data DIR]
//        [--core-hour-usd 0.05] [--teacher-input-usd 2.50] [--teacher-output-usd 10.00] [--teacher-model gpt-4o]
// Needs BANKING77 (shared data) and a PostgreSQL ($SLM_TEST_POSTGRES, for serving's API keys); exits 0 saying why without.
var options = ServingBenchmarkOptions.Parse(args, out var exitCode);
if (options is null)
{
    return exitCode;
}

var data = DataPaths.FindSharedData(DataPaths.FindRepositoryRoot(), options.Data);
var banking77 = data is null ? null : Path.Combine(data, "banking77");
if (banking77 is null || !File.Exists(Path.Combine(banking77, "train.csv")) || !File.Exists(Path.Combine(banking77, "test.csv")))
{
    Console.WriteLine($"Skipped: banking77/train.csv and test.csv not found (../shared/data beside the repository, ${DataPaths.SharedDataVariable} or --data).");
    return 0;
}

if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLM_TEST_POSTGRES")))
{
    Console.WriteLine("Skipped: no PostgreSQL ($SLM_TEST_POSTGRES) for serving's API keys; bench/run-serving-benchmark.sh starts one.");
    return 0;
}

var folder = Directory.CreateTempSubdirectory("slm-serving-bench-").FullName;
try
{
    var systemPrompt = RouterPrompt.SystemPrompt(RouterPrompt.Intents(banking77));
    var test = Banking77.Load(Path.Combine(banking77, "test.csv"));
    var step = Math.Max(1, test.Texts.Length / options.Queries);
    var picked = Enumerable.Range(0, options.Queries).Select(i => i * step % test.Texts.Length).ToList();
    var queries = picked.Select(i => test.Texts[i].Trim()).ToList();
    var teacher = TeacherCall.Of(systemPrompt, queries, [.. picked.Select(i => $"{{\"intent\": \"{test.Categories[test.Labels[i]]}\"}}")]);

    using var embeddings = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions());
    var headFile = await Specialists.HeadArtifactAsync(embeddings, banking77, folder);
    var gguf = await Specialists.GgufAsync(options, banking77, folder);

    await using var host = await ServingHost.StartAsync(headFile, gguf);
    using var rawOneThread = GgufSpecialist.Load(gguf, threads: 1); // as serving loads it (Serving:GgufThreads)
    using var rawAllCores = GgufSpecialist.Load(gguf);
    var head = Modes.HeadPredictor(headFile, embeddings);
    Mode[] modes =
    [
        Modes.RawGguf("raw LLamaSharp GgufSpecialist.Generate, 1 thread (as serving loads it)", rawOneThread),
        Modes.ServingChat("serving POST /v1/chat/completions", "generative", host.Client, host.Generative.Id, systemPrompt),
        Modes.ServingGenerate("serving POST /api/generate", host.Client, host.Generative.Id),
        Modes.RawGguf("raw LLamaSharp, all cores", rawAllCores),
        Modes.RawHead("raw HeadPredictor.AnswerAsync (MiniLM + head)", head, systemPrompt),
        Modes.ServingChat("serving POST /v1/chat/completions", "classifier head", host.Client, host.Head.Id, systemPrompt),
    ];

    var loadBefore = LoadAverage.Read();
    var results = await Measurement.RunAsync(modes, queries, options.Rounds);
    Report.Write(Console.Out, new RunFacts(loadBefore, LoadAverage.Read(), options.Gguf ?? $"trained here for ≤ {options.TrainMinutes} min", new FileInfo(gguf).Length), results, teacher, options);
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
