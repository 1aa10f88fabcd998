namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// A child service that the run keeps up: when it has exited (a crash under load is a finding, not the end of the
/// run), it is started again before the next measurement, and how it ended is kept for the report.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<ServiceProcess>> _start;
    private readonly List<string> _exits = [];
    private ServiceProcess? _noted;

    private ServiceHost(Func<CancellationToken, Task<ServiceProcess>> start, ServiceProcess current)
    {
        _start = start;
        Current = current;
    }

    public ServiceProcess Current { get; private set; }

    /// <summary>Each exit seen: when, with what code, and the exception the service's output named.</summary>
    public IReadOnlyList<string> Exits => _exits;

    public static async Task<ServiceHost> StartAsync(Func<CancellationToken, Task<ServiceProcess>> start, CancellationToken cancellationToken) =>
        new(start, await start(cancellationToken));

    /// <summary>Notes an exit seen after <paramref name="during"/>; true if the service is no longer running.</summary>
    public bool CheckExited(string during, TextWriter progress)
    {
        var process = Current.Process;
        if (!process.HasExited || ReferenceEquals(_noted, Current))
        {
            return process.HasExited;
        }

        _noted = Current;
        // The first exception the output names, and the first frame of the platform's own code beneath it.
        var output = Current.RecentOutput.Split(Environment.NewLine);
        var index = Array.FindIndex(output, l => l.Contains("Exception:", StringComparison.Ordinal));
        var exception = index < 0 ? "no exception in its output" : output[index].Trim();
        var where = index < 0 ? null : output.Skip(index + 1)
            .TakeWhile(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            .FirstOrDefault(l => l.TrimStart().StartsWith("at SlmPlatform.", StringComparison.Ordinal))?.Trim();
        var exit = $"{Current.Name} exited with code {process.ExitCode} during {during}: {exception}{(where is null ? string.Empty : $" ({where})")}";
        _exits.Add(exit);
        progress.WriteLine($"  !! {exit}");
        return true;
    }

    /// <summary>Starts the service again if it has exited; true if it did.</summary>
    public async Task<bool> EnsureRunningAsync(string before, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!CheckExited($"the idle time before {before}", progress))
        {
            return false;
        }

        await Current.DisposeAsync();
        progress.WriteLine($"  restarting {Current.Name}...");
        Current = await _start(cancellationToken);
        return true;
    }

    public ValueTask DisposeAsync() => Current.DisposeAsync();
}
