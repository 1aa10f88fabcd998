namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>After a window: how long the capturing gateway stays busy, and whether every capture reached the broker.</summary>
internal static class CaptureDrain
{
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    /// <summary>Waits until the gateway has used under 3% of a core for 300 ms (its capture backlog spooled and published).</summary>
    public static async Task<TimeSpan> WaitUntilIdleAsync(ServiceProcess gateway, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromMilliseconds(300);
        var before = gateway.CpuTime();
        while (Stopwatch.GetElapsedTime(started) < DrainLimit)
        {
            await Task.Delay(interval, cancellationToken);
            var now = gateway.CpuTime();
            if (now is null || before is null || (now.Value - before.Value) / interval < 0.03)
            {
                var busy = Stopwatch.GetElapsedTime(started) - interval;
                return busy > TimeSpan.Zero ? busy : TimeSpan.Zero;
            }

            before = now;
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Compares the calls the capturing gateway completed with the messages that reached the sink, waiting for the
    /// management statistics (refreshed every 5 s) to catch up.
    /// </summary>
    public static async Task<CaptureAccount> AccountForCapturesAsync(string messaging, long calls, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine("Counting the captures that reached the broker...");
        var started = Stopwatch.GetTimestamp();
        long? published = null;
        var unchangedSince = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            var now = await CaptureSink.PublishedAsync(messaging, cancellationToken);
            if (now is null || now >= calls)
            {
                published = now;
                break;
            }

            if (now != published)
            {
                published = now;
                unchangedSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(unchangedSince) > TimeSpan.FromSeconds(12))
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        var waited = Stopwatch.GetElapsedTime(started);
        progress.WriteLine($"  {published?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"} captures published for {calls:N0} calls");
        return new CaptureAccount(calls, published, waited);
    }
}
