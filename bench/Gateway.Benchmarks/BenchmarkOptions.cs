using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>The load tools this benchmark has.</summary>
internal enum ClientKind
{
    /// <summary>The lean HTTP/1.1 client on raw sockets (<see cref="RawHttpClient"/>).</summary>
    Raw,

    /// <summary>.NET's HttpClient (<see cref="HttpClientLoad"/>).</summary>
    HttpClient,
}

/// <summary>How long and how hard each path runs; every value has a default (<see cref="BenchmarkCommandLine"/>), so a bare run is the documented one.</summary>
internal sealed record BenchmarkOptions
{
    public required TimeSpan Measured { get; init; }

    public required TimeSpan WarmUp { get; init; }

    public required TimeSpan Prime { get; init; }

    public required IReadOnlyList<int> Concurrency { get; init; }

    public required IReadOnlyList<bool> Streams { get; init; }

    public required ClientKind Client { get; init; }

    public double? MaxLoad { get; init; }

    public required IReadOnlyDictionary<string, string> GatewayEnvironment { get; init; }

    public required int SinkMaxLength { get; init; }

    public required string GatewayDll { get; init; }

    public string? PortkeyFolder { get; init; }

    public int OtherTaskRoutes { get; init; }

    public bool CrossCheckWithWrk { get; init; }

    public string ClientName => Client == ClientKind.Raw
        ? "its own closed-loop HTTP/1.1 client on raw sockets (bench/Gateway.Benchmarks/RawHttpClient.cs)"
        : ".NET HttpClient (SocketsHttpHandler), closed loop";

    /// <summary>Reads the command line; false when it asked for help or was wrong, which has been written, with the exit code to end with.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out int exitCode)
    {
        options = BenchmarkCommandLine.Create().TryParse(args, out var parsed, out exitCode) ? BenchmarkCommandLine.Read(parsed) : null;
        return options is not null;
    }
}
