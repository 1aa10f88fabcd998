using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// The built ingest service run as a child process, the way it is deployed: its own entry point, real Kestrel on a
/// free loopback port, Production settings, warnings-only logging. Killed on dispose.
/// </summary>
internal sealed class IngestProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _output = new();

    private IngestProcess(Process process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    public static async Task<IngestProcess> StartAsync(string dll, string platformDb, string messaging, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The ingest service is not built at {dll}; build bench/Ingest.Benchmarks, or pass --ingest-dll.", dll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost(), [dll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__platformdb"] = platformDb;
        start.Environment["ConnectionStrings__messaging"] = messaging;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One tenant sends everything: the per-tenant limit would measure itself, not ingest.
        start.Environment["RateLimits__PermitsPerSecond"] = "0";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("The ingest service did not start.");
        var ingest = new IngestProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => ingest.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => ingest.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ingest.WaitUntilHealthyAsync(cancellationToken);
            return ingest;
        }
        catch
        {
            await ingest.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service's last lines of output, for a failure report.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Process.WaitForExitAsync(timeout.Token);
        Process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The ingest service exited with code {Process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The ingest service was not healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    // The muxer that runs this program runs the service too; otherwise the one on PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
