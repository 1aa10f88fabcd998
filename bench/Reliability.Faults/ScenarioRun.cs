namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// One scenario on a fresh platform: load starts, the fault is injected after <see cref="FaultOptions.FaultAt"/>,
/// held, healed, the load goes on a while, then the checker waits for the backlog to drain and counts, and the
/// canaries are looked for everywhere.
/// </summary>
internal static class ScenarioRun
{
    private static readonly TimeSpan RetryAfterLoad = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan HealthGrace = TimeSpan.FromSeconds(30);

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, FaultOptions options, TestServerControl servers, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine($"{scenario.Id}: {scenario.Description}");
        await using var platform = await FaultPlatform.StartAsync(
            options, cancellationToken, captureDiskBytes: scenario.CaptureDiskBytes, filesCalls: scenario.FilesCalls, serves: scenario.Serves, trains: scenario.Trains);
        var canaries = new Canaries();
        var training = scenario.Trains ? await TrainingJob.StartAsync(platform, canaries, cancellationToken) : null;
        var load = new CheckedLoad(platform, canaries, new LoadShape(platform.ApiKey, options.IngestRate, options.IngestClients, options.GatewayRate, options.GatewayClients));
        var fault = new FaultContext(platform, servers, load);
        var duration = options.FaultAt + scenario.Hold + options.After;
        var sending = load.RunAsync(duration, duration + RetryAfterLoad, cancellationToken);

        await Task.Delay(options.FaultAt, cancellationToken);
        progress.WriteLine("  fault");
        await scenario.InjectAsync(fault, cancellationToken);
        await Task.Delay(scenario.Hold, cancellationToken);
        progress.WriteLine("  healing");
        await scenario.HealAsync(fault, cancellationToken);
        var healedAt = Stopwatch.GetTimestamp();
        var recovering = Checker.TimeUntilStoredAsync(platform, Checker.Accepted(load, platform), healedAt, DrainTimeout, cancellationToken);
        await sending;

        progress.WriteLine("  load done; waiting for the backlog to drain");
        var tally = await Checker.WaitForDrainAsync(platform, load, await recovering, Stall, DrainTimeout, progress, cancellationToken);
        var trainingProblem = training is null ? null : await training.OutcomeAsync(cancellationToken);
        var unhealthy = await UnhealthyAsync(platform, cancellationToken);
        progress.WriteLine("  looking for the canaries");
        var found = await CanarySearch.FindAsync(platform, canaries, cancellationToken);
        var result = new ScenarioResult(scenario, tally, unhealthy, found) { Training = training?.Summary, TrainingProblem = trainingProblem };
        progress.WriteLine($"  {result.Summary}");
        return result;
    }

    // The health service logs each failing check by name ("Health check npgsql with status Unhealthy ...").
    private static string FailingChecks(FaultPlatform platform, string service)
    {
        var checks = File.ReadLines(Path.Combine(platform.Workspace.FullName, $"{service}.log"))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"Health check (\S+) with status (\w+)"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .ToList();
        return checks.Count == 0 ? "" : $" ({string.Join(", ", checks)})";
    }

    /// <summary>The services not healthy after <see cref="HealthGrace"/> of asking once a second, as a readiness probe would.</summary>
    private static async Task<IReadOnlyList<string>> UnhealthyAsync(FaultPlatform platform, CancellationToken cancellationToken)
    {
        var unhealthy = new List<string>();
        foreach (var service in platform.Running)
        {
            using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var asked = Stopwatch.GetTimestamp();
            string? answer;
            do
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                    answer = response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}{FailingChecks(platform, service.Name)}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    answer = "not answering";
                }

                if (answer is not null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
            while (answer is not null && Stopwatch.GetElapsedTime(asked) < HealthGrace);

            if (answer is not null)
            {
                unhealthy.Add($"{service.Name} {answer}");
            }
        }

        return unhealthy;
    }
}

internal sealed record ScenarioResult(Scenario Scenario, Tally Tally, IReadOnlyList<string> Unhealthy, IReadOnlyList<string> CanariesFound)
{
    /// <summary>What became of the fine-tune that ran through the fault, where one did.</summary>
    public string? Training { get; init; }

    /// <summary>Why the fine-tune was not trained once; null when it was, or none ran.</summary>
    public string? TrainingProblem { get; init; }

    public bool Passed => Tally is { Lost: 0, Duplicated: 0, ErrorQueued: 0, StillQueued.Count: 0, Unfiled: null or 0 } && Unhealthy.Count == 0 && CanariesFound.Count == 0
        && TrainingProblem is null;

    public string Summary =>
        $"{(Passed ? "passed" : "FAILED")}: {Tally.IngestAccepted + Tally.GatewayRelayed} accepted, {Tally.Stored} stored, {Tally.Dropped} dropped and counted, {Tally.Lost} lost, " +
        $"{(Tally.Unfiled is { } unfiled ? $"{unfiled} stored but not filed, " : "")}" +
        $"{Tally.Duplicated} duplicated, {Tally.Parked} parked, {Tally.ErrorQueued} in error queues, {Tally.StillQueued.Values.Sum()} still queued{string.Concat(Tally.StillQueued.Select(q => $" ({q.Key} {q.Value})"))}, " +
        $"{(Tally.Recovery is { } recovery ? $"recovered in {recovery.TotalSeconds:0.0} s" : "not recovered")}; {(Training is null ? "" : $"fine-tune: {Training}; ")}unhealthy: {(Unhealthy.Count == 0 ? "none" : string.Join(", ", Unhealthy))}; " +
        $"canaries found: {(CanariesFound.Count == 0 ? "none" : string.Join(", ", CanariesFound))}";
}
