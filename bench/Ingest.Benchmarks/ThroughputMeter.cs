using System.Collections.Concurrent;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// Runs one operation on a fixed number of workers, each starting its next operation as soon as its last one ends, for
/// a warm-up and then a measured window, and counts what completed inside the window. Workers stop only after the
/// window, so nothing in flight is cut short.
/// </summary>
internal static class ThroughputMeter
{
    public static async Task<Measurement> RunAsync(
        int workers,
        Func<CancellationToken, Task<Outcome>> operation,
        BenchmarkOptions options,
        CpuProbe cpuProbe,
        CancellationToken cancellationToken)
    {
        await using var running = Workers.Start(workers, operation, cancellationToken);
        await Task.Delay(options.WarmUp, cancellationToken);
        var (accepted, failed) = running.Counters.Read();
        var cpu = cpuProbe.Take();
        var started = Stopwatch.GetTimestamp();

        await Task.Delay(options.Measured, cancellationToken);
        var (acceptedAtEnd, failedAtEnd) = running.Counters.Read();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuUse = cpuProbe.Take().Since(cpu, elapsed);

        return new Measurement(acceptedAtEnd - accepted, failedAtEnd - failed, elapsed, cpuUse, running.Counters.Failures);
    }

    /// <summary>Runs the operation for a while and counts nothing: load to bring a fresh service to its steady state.</summary>
    public static async Task DriveAsync(int workers, Func<CancellationToken, Task<Outcome>> operation, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var running = Workers.Start(workers, operation, cancellationToken);
        await Task.Delay(duration, cancellationToken);
    }

    private sealed class Workers : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private Task[] _tasks = [];

        public Counters Counters { get; } = new();

        public static Workers Start(int count, Func<CancellationToken, Task<Outcome>> operation, CancellationToken abort)
        {
            var workers = new Workers();
            var stopping = workers._stopping.Token;
            workers._tasks = Enumerable.Range(0, count)
                .Select(_ => Task.Run(() => workers.WorkAsync(operation, stopping, abort), CancellationToken.None))
                .ToArray();
            return workers;
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            try
            {
                await Task.WhenAll(_tasks);
            }
            finally
            {
                _stopping.Dispose();
            }
        }

        private async Task WorkAsync(Func<CancellationToken, Task<Outcome>> operation, CancellationToken stopping, CancellationToken abort)
        {
            while (!stopping.IsCancellationRequested)
            {
                Outcome outcome;
                try
                {
                    outcome = await operation(abort);
                }
                catch (Exception e) when (!abort.IsCancellationRequested)
                {
                    outcome = Outcome.Fail(e.GetType().Name);
                }

                Counters.Add(outcome);
            }
        }
    }

    private sealed class Counters
    {
        private long _accepted;
        private long _failed;

        public ConcurrentDictionary<string, long> Failures { get; } = new();

        public void Add(Outcome outcome)
        {
            if (outcome.Failure is { } reason)
            {
                Interlocked.Increment(ref _failed);
                Failures.AddOrUpdate(reason, 1, (_, count) => count + 1);
            }
            else
            {
                Interlocked.Add(ref _accepted, outcome.Accepted);
            }
        }

        public (long Accepted, long Failed) Read() => (Interlocked.Read(ref _accepted), Interlocked.Read(ref _failed));
    }
}
