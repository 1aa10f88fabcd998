using SlmPlatform.Gateway.Benchmarks;

// What the gateway adds to a call of the same local upstream made directly, measured side by side in one run:
// latency (p50, p99; time to first token for streams) and requests per second, at each concurrency, with capture on
// and off. docs/benchmarks-gateway.md says how to run it and what it found.
// Ctrl+C and SIGTERM end the run through its finally blocks, so no child process outlives it.
using var stop = new HarnessStop();

// The stand-in upstream is this same program in another process: `--serve-upstream URL`.
if (args is [LocalUpstream.ServeOption, var url])
{
    await LocalUpstream.RunAsync(url, stop.Token);
    return 0;
}

// So is the YARP relay measured beside the gateway: `--serve-yarp URL`.
if (args is [YarpProxy.ServeOption, var proxyUrl])
{
    await YarpProxy.RunAsync(proxyUrl, stop.Token);
    return 0;
}

if (!BenchmarkOptions.TryParse(args, out var options, out var exitCode))
{
    return exitCode;
}

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
