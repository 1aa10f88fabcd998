using SlmPlatform.Ingest.Benchmarks;

// Accepted calls per second through ingest (one call per request, and batches) beside a raw RabbitMQ publisher-confirm
// loop measured in the same run on the same broker. docs/benchmarks.md says how to run it and what it found.
if (!BenchmarkOptions.TryParse(args, out var options, out var exitCode))
{
    return exitCode;
}

// Ctrl+C and SIGTERM end the run through its finally blocks, so no child process outlives it.
using var stop = new HarnessStop();

try
{
    var results = await BenchmarkRun.RunAsync(options, Console.Error, stop.Token);
    Console.WriteLine(ResultTable.ToMarkdown(results, options));
    return 0;
}
catch (OperationCanceledException) when (stop.IsRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
