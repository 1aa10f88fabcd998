using System.Runtime.InteropServices;
using SlmPlatform.Replicas.Benchmarks;

// Stored calls per second through 1..N scrubber replicas on one queue and one database, rounds interleaved.
// docs/scale.md says how to run it and what it found.
if (!BenchmarkOptions.TryParse(args, out var options, out var exitCode))
{
    return exitCode;
}

using var abort = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    abort.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    abort.Cancel();
});

try
{
    var before = LoadAverage.Read();
    var rounds = new List<RoundResult>();
    for (var round = 1; round <= options.RoundCount; round++)
    {
        for (var replicas = 1; replicas <= options.MaxReplicaCount; replicas++)
        {
            Console.Error.WriteLine($"Round {round}: {replicas} replica(s)");
            rounds.Add(await DrainRound.RunAsync(replicas, options, Console.Error, abort.Token));
        }
    }

    Console.WriteLine(ResultTable.ToMarkdown(rounds, options, before, LoadAverage.Read()));
    return 0;
}
catch (OperationCanceledException) when (abort.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
