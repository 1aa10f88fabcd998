namespace SlmPlatform.Reliability.Faults;

/// <summary>The soak as Markdown: resources over time per service, the quiet tenant's latency per third, the tally.</summary>
internal static class SoakTable
{
    public static string ToMarkdown(SoakResult soak, FaultOptions options)
    {
        var table = new StringBuilder();
        var t = soak.Quiet;
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Soak of {soak.Duration.TotalMinutes:0} minutes: {options.IngestRate:0} calls/s to ingest and {options.GatewayRate:0} chat requests/s through the gateway from one tenant throughout; in the middle third a second tenant posts {options.NoisyRate:0} calls/s to ingest (the per-tenant limit is 100/s, bursts 200).");
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Quiet tenant: {t.IngestAccepted} + {t.GatewayRelayed} accepted, {t.Stored} stored, {t.Lost} lost, {t.Duplicated} duplicated, {t.Parked} parked, {t.ErrorQueued} in error queues. " +
            $"Noisy tenant: {soak.NoisySent} sent, {soak.NoisyAccepted} accepted, {soak.NoisyStored} stored; refused: {string.Join(", ", soak.NoisyRefusals.Select(r => $"{r.Key} × {r.Value}"))}. " +
            $"Raw canaries found: {(soak.CanariesFound.Count == 0 ? "none" : string.Join(", ", soak.CanariesFound))}.");
        table.AppendLine();
        table.AppendLine("| quiet tenant's calls | accepted | ingest p50 | ingest p99 | gateway p50 | gateway p99 |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in soak.Phases)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {phase.Phase} | {phase.Ingest.Count} + {phase.Gateway.Count} | {phase.Ingest.P50:0.0} ms | {phase.Ingest.P99:0.0} ms | {phase.Gateway.P50:0.0} ms | {phase.Gateway.P99:0.0} ms |");
        }

        table.AppendLine();
        var services = soak.Samples[0].Services.Keys.Order().ToList();
        table.AppendLine(CultureInfo.InvariantCulture, $"| minute | {string.Join(" | ", services.Select(s => $"{s} MB (anonymous), fds"))} | queued |");
        table.AppendLine(CultureInfo.InvariantCulture, $"| ---: | {string.Join(" | ", services.Select(_ => "---:"))} | ---: |");
        foreach (var sample in Thin(soak.Samples))
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {sample.At.TotalMinutes:0.0} | {string.Join(" | ", services.Select(s => sample.Services.TryGetValue(s, out var r) ? $"{r.ResidentKilobytes / 1024} ({r.AnonymousKilobytes / 1024}), {r.FileDescriptors}" : "–"))} | {sample.Queued} |");
        }

        return table.ToString();
    }

    // About a row a minute and a half: the first, the last, and evenly between.
    private static IEnumerable<ResourceSample> Thin(IReadOnlyList<ResourceSample> samples)
    {
        var step = Math.Max(1, samples.Count / 20);
        return samples.Where((_, i) => i % step == 0 || i == samples.Count - 1);
    }
}
