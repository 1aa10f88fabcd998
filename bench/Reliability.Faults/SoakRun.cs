namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// The soak: steady load from one tenant for the whole run, and for its middle third a noisy second tenant flooding
/// ingest far past the per-tenant rate limit. Every 15 s the services' memory, file descriptors and queue depth are
/// sampled; at the end every accepted call of both tenants must be stored once, and the quiet tenant's latency in each
/// third shows whether the noise moved it.
/// </summary>
internal static class SoakRun
{
    private const int PermitsPerSecond = 100;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<SoakResult> RunAsync(FaultOptions options, TimeSpan duration, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine($"soak: {duration.TotalMinutes:0} minutes, a noisy tenant in the middle third");
        await using var platform = await FaultPlatform.StartAsync(options, cancellationToken, PermitsPerSecond);
        var canaries = new Canaries();
        var quiet = new CheckedLoad(platform, canaries, new LoadShape(platform.ApiKey, options.IngestRate, options.IngestClients, options.GatewayRate, options.GatewayClients));
        var noisy = new CheckedLoad(platform, canaries, new LoadShape(platform.NoisyApiKey, options.NoisyRate, 16, 0.0, 0, RetryWhenLimited: false));
        var third = duration / 3;
        var started = Stopwatch.GetTimestamp();
        var quietSending = quiet.RunAsync(duration, duration, cancellationToken);
        var noisySending = Task.Delay(third, cancellationToken).ContinueWith(_ => noisy.RunAsync(third, third, cancellationToken), cancellationToken).Unwrap();

        var samples = new List<ResourceSample>();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            samples.Add(await ResourceSample.TakeAsync(platform, Stopwatch.GetElapsedTime(started), cancellationToken));
            progress.WriteLine($"  {samples[^1].At.TotalMinutes:0.0} min: {string.Join(", ", samples[^1].Services.Select(s => $"{s.Key} {s.Value.ResidentKilobytes / 1024} MB {s.Value.FileDescriptors} fds"))}; {samples[^1].Queued} queued");
            await Task.Delay(SampleEvery, cancellationToken);
        }

        await Task.WhenAll(quietSending, noisySending);
        progress.WriteLine("  load done; waiting for the backlog to drain");
        var tally = await Checker.WaitForDrainAsync(platform, quiet, recovery: null, Stall, DrainTimeout, progress, cancellationToken);
        samples.Add(await ResourceSample.TakeAsync(platform, Stopwatch.GetElapsedTime(started), cancellationToken));
        var noisyAccepted = noisy.IngestCalls.Where(c => c.Value).Select(c => c.Key).ToArray();
        var noisyStored = await Checker.StoredAsync(platform, noisyAccepted, cancellationToken, FaultPlatform.NoisyTenantId);
        var found = await CanarySearch.FindAsync(platform, canaries, cancellationToken);
        return new SoakResult(duration, tally, samples, Phases(quiet, started, third), noisy.IngestCalls.Count, noisyAccepted.Length, noisyStored, noisy.IngestRetries, found);
    }

    private static IReadOnlyList<PhaseLatency> Phases(CheckedLoad quiet, long started, TimeSpan third)
    {
        // The first phase leaves out the services' warm-up (first connections, code not yet compiled at its best tier).
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, third.TotalSeconds / 2));
        var names = new[] { $"before the noise (after {warmUp.TotalSeconds:0} s of warm-up)", "while the noisy tenant floods", "after it" };
        return [.. names.Select((name, i) =>
        {
            var from = started + (long)((i == 0 ? warmUp : third * i).TotalSeconds * Stopwatch.Frequency);
            var to = started + (long)((third * (i + 1)).TotalSeconds * Stopwatch.Frequency);
            var inPhase = quiet.Latencies.Where(l => l.SentAt >= from && l.SentAt < to).ToList();
            return new PhaseLatency(name, Percentiles.Of(inPhase, LoadPath.Ingest), Percentiles.Of(inPhase, LoadPath.Gateway));
        })];
    }
}

internal sealed record PhaseLatency(string Phase, Percentiles Ingest, Percentiles Gateway);

internal sealed record Percentiles(int Count, double P50, double P99)
{
    public static Percentiles Of(IReadOnlyList<Latency> latencies, LoadPath path)
    {
        var sorted = latencies.Where(l => l.Path == path).Select(l => l.Took.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new Percentiles(0, double.NaN, double.NaN)
            : new Percentiles(sorted.Length, sorted[(int)(0.5 * (sorted.Length - 1))], sorted[(int)Math.Ceiling(0.99 * (sorted.Length - 1))]);
    }
}

internal sealed record SoakResult(
    TimeSpan Duration,
    Tally Quiet,
    IReadOnlyList<ResourceSample> Samples,
    IReadOnlyList<PhaseLatency> Phases,
    int NoisySent,
    int NoisyAccepted,
    long NoisyStored,
    IReadOnlyDictionary<string, int> NoisyRefusals,
    IReadOnlyList<string> CanariesFound)
{
    public bool Passed => Quiet is { Lost: 0, Duplicated: 0, ErrorQueued: 0 } && NoisyStored == NoisyAccepted && CanariesFound.Count == 0;
}
