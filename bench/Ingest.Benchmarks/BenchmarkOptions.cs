using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>How long and how hard each mode runs; every value has a default (<see cref="BenchmarkCommandLine"/>), so a bare run is the documented one.</summary>
internal sealed record BenchmarkOptions
{
    public required TimeSpan Measured { get; init; }

    public required TimeSpan WarmUp { get; init; }

    /// <summary>
    /// Load on the freshly started service before it is measured, so that the JIT has finished tiering its hot paths
    /// up: a profile showed JIT and tiering work still running 10 s into the load.
    /// </summary>
    public required TimeSpan ServiceWarmUp { get; init; }

    public required int RawOutstanding { get; init; }

    public required int SingleConcurrency { get; init; }

    public required int BatchSize { get; init; }

    public required int BatchConcurrency { get; init; }

    /// <summary>Ingest without its Redis: no notes of accepted calls, as before they existed.</summary>
    public required bool WithoutCache { get; init; }

    public required int SinkMaxLength { get; init; }

    public required string IngestDll { get; init; }

    /// <summary>Reads the command line; false when it asked for help or was wrong, which has been written, with the exit code to end with.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out int exitCode)
    {
        options = BenchmarkCommandLine.Create().TryParse(args, out var parsed, out exitCode) ? BenchmarkCommandLine.Read(parsed) : null;
        return options is not null;
    }
}
