using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Replicas.Benchmarks;

/// <summary>What the run does; every value has a default, so a bare run is the documented one.</summary>
internal sealed record BenchmarkOptions
{
    private static readonly Option<int> Calls = HarnessOptions.WholeNumber("--calls", "calls queued before each round and drained by the replicas", 10_000);

    private static readonly Option<int> Rounds = HarnessOptions.WholeNumber("--rounds", "rounds of each replica count, interleaved (1, 2, 1, 2, ...)", 2);

    private static readonly Option<int> MaxReplicas = HarnessOptions.WholeNumber("--max-replicas", "replica counts measured: 1 up to this", 2);

    private static readonly Option<string> ScrubberDll = HarnessOptions.FullPath("--scrubber-dll", "the built scrubber (SlmPlatform.Scrubber.dll)");

    private static readonly Option<string> IngestDll = HarnessOptions.FullPath("--ingest-dll", "the built ingest service (SlmPlatform.Ingest.dll), which queues the calls");

    public required int CallCount { get; init; }

    public required int RoundCount { get; init; }

    public required int MaxReplicaCount { get; init; }

    public required string Scrubber { get; init; }

    public required string Ingest { get; init; }

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out int exitCode)
    {
        ScrubberDll.Required = true;
        IngestDll.Required = true;
        var command = new RootCommand(
            "Stored calls per second through 1..N scrubber replicas draining one queue into one database, with the CPU each used.\n" +
            "Needs SLM_TEST_POSTGRES, SLM_TEST_RABBITMQ and SLM_TEST_RABBITMQ_MANAGEMENT (bench/run-replicas-benchmark.sh sets them).")
        {
            Calls, Rounds, MaxReplicas, ScrubberDll, IngestDll,
        };
        options = command.TryParse(args, out var parsed, out exitCode)
            ? new BenchmarkOptions
            {
                CallCount = parsed.GetValue(Calls),
                RoundCount = parsed.GetValue(Rounds),
                MaxReplicaCount = parsed.GetValue(MaxReplicas),
                Scrubber = parsed.GetValue(ScrubberDll)!,
                Ingest = parsed.GetValue(IngestDll)!,
            }
            : null;
        return options is not null;
    }
}
