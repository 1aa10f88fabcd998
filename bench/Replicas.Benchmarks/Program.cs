using SlmPlatform.Replicas.Benchmarks;

// Stored calls per second through 1..N scrubber replicas on one queue and one database, rounds interleaved.
// docs/scale.md says how to run it and what it found.
if (!BenchmarkOptions.TryParse(args, out var options, out var exitCode))
{
    return exitCode;
}

// Ctrl+C and SIGTERM end the run through its finally blocks, so no child process outlives it.
using var stop = new HarnessStop();

try
{
    var before = LoadAverage.Read();
    var rounds = new List<RoundResult>();
    for (var round = 1; round <= options.RoundCount; round++)
    {
        for (var replicas = 1; replicas <= options.MaxReplicaCount; replicas++)
        {
            Console.Error.WriteLine($"Round {round}: {replicas} replica(s)");
            rounds.Add(await DrainRound.RunAsync(replicas, options, Console.Error, stop.Token));
        }
    }

    Console.WriteLine(ResultTable.ToMarkdown(rounds, options, before, LoadAverage.Read()));
    return 0;
}
catch (OperationCanceledException) when (stop.IsRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
