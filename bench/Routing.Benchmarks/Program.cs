using SlmPlatform.Routing.Benchmarks;

// Usage: dotnet run -c Release --project bench/Routing.Benchmarks -- [--rounds 20] [--calls 500] [--redis HOST:PORT,password=…] [--data DIR]
// Redis: --redis, else $SLM_TEST_REDIS (bench/run-routing-benchmark.sh starts a throw-away one); without it, exits 0 saying why.
var options = RoutingBenchmarkOptions.Parse(args, out var exitCode);
if (options is null)
{
    return exitCode;
}

var data = DataPaths.FindSharedData(DataPaths.FindRepositoryRoot(), options.Data);
var banking77 = data is null ? null : Path.Combine(data, "banking77");
if (banking77 is null || !File.Exists(Path.Combine(banking77, "categories.json")) || !File.Exists(Path.Combine(banking77, "test.csv")))
{
    Console.WriteLine($"Skipped: banking77/categories.json and test.csv not found (../shared/data beside the repository, ${DataPaths.SharedDataVariable} or --data).");
    return 0;
}

if (options.Redis is null)
{
    Console.WriteLine("Skipped: no Redis (--redis or $SLM_TEST_REDIS); bench/run-routing-benchmark.sh starts one.");
    return 0;
}

await using var run = await RoutingRun.StartAsync(options.Redis, banking77);
var loadBefore = LoadAverage.Read();
var results = await run.MeasureAsync(options.Rounds, options.Calls);
var loadAfter = LoadAverage.Read();
RoutingReport.Write(Console.Out, results, options, run.BodyBytes, loadBefore, loadAfter);
return 0;
