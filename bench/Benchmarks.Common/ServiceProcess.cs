using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Benchmarks;

/// <summary>
/// A built program run as a child process the way it is deployed — its own entry point, real Kestrel on a free
/// loopback port — and waited for until <c>/health</c> answers 200. Killed on dispose. The harnesses start every
/// service they measure this way: ingest, the gateway and its stand-in upstream, scrubber replicas.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _output = new();

    private readonly StreamWriter? _outputFile;

    private ServiceProcess(string name, Process process, Uri baseAddress, string? outputFile)
    {
        // Every line, where asked (the fault suite searches the services' logs for personal data); appended, so that a
        // restarted service's output follows the killed one's.
        _outputFile = outputFile is null ? null : new StreamWriter(outputFile, append: true) { AutoFlush = true };
        Name = name;
        Process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts <paramref name="dll"/> with <c>--urls</c> (or <paramref name="urlOption"/>) set to a free port, or to
    /// <paramref name="baseAddress"/> (a restart where the last one listened).
    /// </summary>
    public static Task<ServiceProcess> StartAsync(
        string name,
        string dll,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken,
        string urlOption = "--urls",
        Uri? baseAddress = null,
        string? outputFile = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: nothing is built at {dll}; build the benchmark in Release (it references the programs it starts).", dll);
        }

        return StartProgramAsync(
            name, DotnetHost(), address => [dll, urlOption, address.ToString().TrimEnd('/')], Path.GetDirectoryName(dll)!, environment, cancellationToken,
            baseAddress: baseAddress, outputFile: outputFile);
    }

    /// <summary>
    /// Starts any program that serves HTTP on the port it is told (another team's proxy, say): <paramref name="arguments"/>
    /// are made from the free loopback address chosen for it, and it is ready when <paramref name="healthPath"/> answers 200.
    /// </summary>
    public static async Task<ServiceProcess> StartProgramAsync(
        string name,
        string fileName,
        Func<Uri, IEnumerable<string>> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken,
        string healthPath = "/health",
        Uri? baseAddress = null,
        string? outputFile = null)
    {
        baseAddress ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(fileName, arguments(baseAddress))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var service = new ServiceProcess(name, process, baseAddress, outputFile);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync(healthPath, cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>The program's last lines of output, for a failure report.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>CPU time the process has used so far; null once it has exited.</summary>
    public TimeSpan? CpuTime()
    {
        if (Process.HasExited)
        {
            return null;
        }

        Process.Refresh();
        return Process.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time so far of the runtime's tiered-compilation thread (Linux /proc; zero elsewhere, or while it sleeps
    /// between bursts): a service still busy recompiling hot code at a higher tier is not yet warm.
    /// </summary>
    public TimeSpan TieredCompilationCpuTime()
    {
        var tasks = $"/proc/{Process.Id}/task";
        long ticks = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    // After "(comm)": state is field 3 of stat, so utime and stime (fields 14 and 15) are 11 and 12 on.
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process or the thread went away while being read.
        }

        // Clock ticks of USER_HZ, 100 a second on Linux.
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Kills the process at once (SIGKILL on Linux), as a crash or an OOM kill would, and waits for it to go.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        CloseOutputFile();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Process.WaitForExitAsync(timeout.Token);
        Process.Dispose();
        CloseOutputFile();
    }

    private async Task WaitUntilHealthyAsync(string healthPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {Process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(healthPath, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, but too busy to answer in time: a worker that starts on a full queue is.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private void CloseOutputFile()
    {
        if (_outputFile is { } file)
        {
            lock (file)
            {
                file.Dispose();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_outputFile is { } file)
        {
            lock (file)
            {
                if (file.BaseStream is { CanWrite: true })
                {
                    file.WriteLine(line);
                }
            }
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    // The muxer that runs this program runs the children too; otherwise the one on PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
