using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// Runs a fixed number of closed-loop workers (each sends its next request as soon as its last one is answered) for
/// a warm-up and then a measured window, and keeps the latency of every request that completed inside the window.
/// Workers stop only after the window, so nothing in flight is cut short.
/// </summary>
internal static class LatencyMeter
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Done = 2;
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    public static async Task<Measurement> RunAsync(
        IReadOnlyList<ILoadWorker> workers,
        TimeSpan warmUp,
        TimeSpan measured,
        Func<CpuSnapshot> cpu,
        CancellationToken cancellationToken)
    {
        var phase = new StrongBox<int>(WarmingUp);
        var failures = new ConcurrentDictionary<string, long>();
        var outside = new ConcurrentDictionary<string, long>();
        var logs = workers.Select(_ => new SampleLog()).ToArray();
        using var stopping = new CancellationTokenSource();
        var tasks = workers
            .Select((worker, i) => Task.Run(() => WorkAsync(worker, logs[i], phase, failures, outside, stopping.Token, cancellationToken), CancellationToken.None))
            .ToArray();
        try
        {
            await Task.Delay(warmUp, cancellationToken);
            var cpuAtStart = cpu();
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref phase.Value, Measuring);

            await Task.Delay(measured, cancellationToken);
            Volatile.Write(ref phase.Value, Done);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpuUse = cpu().Since(cpuAtStart, elapsed);
            await StopAsync();

            return new Measurement(
                logs.Sum(l => l.Count),
                failures.Values.Sum(),
                elapsed,
                LatencySummary.Of(logs.Select(l => l.FirstData)),
                LatencySummary.Of(logs.Select(l => l.Total)),
                Median(logs.SelectMany(l => l.Overheads)),
                cpuUse,
                failures,
                outside,
                logs.Sum(l => l.SucceededOverall));
        }
        finally
        {
            await StopAsync();
        }

        // Lets each worker finish the request it has in flight; one that a hung server never answers is cut off by
        // closing its connection, so that a stuck service fails the path instead of stopping the run.
        async Task StopAsync()
        {
            await stopping.CancelAsync();
            try
            {
                await Task.WhenAll(tasks).WaitAsync(StopPatience, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                outside.AddOrUpdate($"no answer {StopPatience.TotalSeconds} s after the window", 1, (_, count) => count + 1);
                foreach (var worker in workers)
                {
                    worker.Dispose();
                }

                await Task.WhenAll(tasks);
            }
        }
    }

    private static async Task WorkAsync(
        ILoadWorker worker,
        SampleLog log,
        StrongBox<int> phase,
        ConcurrentDictionary<string, long> failures,
        ConcurrentDictionary<string, long> outside,
        CancellationToken stopping,
        CancellationToken abort)
    {
        while (!stopping.IsCancellationRequested)
        {
            var exchange = await worker.SendAsync(abort);
            var current = Volatile.Read(ref phase.Value);
            if (exchange.Failure is { } reason)
            {
                // Outside the window a failure does not count against the figures, but it is reported all the same.
                (current == Measuring ? failures : outside).AddOrUpdate(reason, 1, (_, count) => count + 1);

                // A worker that fails at once must not spin a core away from the servers.
                await Task.Delay(10, abort);
                continue;
            }

            log.SucceededOverall++;
            if (current == Measuring)
            {
                log.Add(exchange);
            }
        }
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[sorted.Length / 2];
    }

    /// <summary>One worker's samples, kept whole (not bucketed): a short window holds at most a few hundred thousand.</summary>
    private sealed class SampleLog
    {
        private readonly List<double> _overheads = [];
        private long[] _firstData = new long[4096];
        private long[] _total = new long[4096];

        public int Count { get; private set; }

        public long SucceededOverall { get; set; }

        public ReadOnlyMemory<long> FirstData => _firstData.AsMemory(0, Count);

        public ReadOnlyMemory<long> Total => _total.AsMemory(0, Count);

        public IEnumerable<double> Overheads => _overheads;

        public void Add(Exchange exchange)
        {
            if (Count == _total.Length)
            {
                Array.Resize(ref _firstData, Count * 2);
                Array.Resize(ref _total, Count * 2);
            }

            _firstData[Count] = exchange.FirstDataTicks;
            _total[Count] = exchange.TotalTicks;
            Count++;
            if (exchange.OverheadMs is { } overhead)
            {
                _overheads.Add(overhead);
            }
        }
    }
}

/// <summary>Percentiles of one latency, in milliseconds (nearest rank over every sample).</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<ReadOnlyMemory<long>> parts)
    {
        var all = parts.SelectMany(p => p.ToArray()).ToArray();
        if (all.Length == 0)
        {
            return new LatencySummary(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(all);
        return new LatencySummary(At(all, 0.50), At(all, 0.90), At(all, 0.99), Ms(all[^1]));
    }

    private static double At(long[] sorted, double quantile) =>
        Ms(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>What one path did inside its measured window.</summary>
internal sealed record Measurement(
    long Completed,
    long Failed,
    TimeSpan Elapsed,
    LatencySummary FirstData,
    LatencySummary Total,
    double? OverheadP50Ms,
    CpuUse Cpu,
    IReadOnlyDictionary<string, long> Failures,
    IReadOnlyDictionary<string, long> FailuresOutsideWindow,
    long SucceededOverall)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
