using SlmPlatform.Reliability.Faults;
using SlmPlatform.Testing;

// The fault suite's long part: one fresh platform per fault, load with an exactly-once checker, a row per fault.
// docs/reliability.md says how to run it and what it found.
if (!FaultOptions.TryParse(args, out var options, out var exitCode))
{
    return exitCode;
}

// Ctrl+C and SIGTERM end the run through its finally blocks, so no child process outlives it.
using var stop = new HarnessStop();

try
{
    if (options.Soak > TimeSpan.Zero)
    {
        var soak = await SoakRun.RunAsync(options, options.Soak, Console.Error, stop.Token);
        Console.WriteLine(SoakTable.ToMarkdown(soak, options));
        return soak.Passed ? 0 : 1;
    }

    var servers = TestServerControl.FromEnvironment();
    var results = new List<ScenarioResult>();
    foreach (var scenario in options.Scenarios)
    {
        if (scenario.CaptureDiskBytes is not null && !CanMountADisk())
        {
            Console.Error.WriteLine($"{scenario.Id}: skipped. {SmallDisk.CannotMount}");
            continue;
        }

        results.Add(await ScenarioRun.RunAsync(scenario, options, servers, Console.Error, stop.Token));
    }

    Console.WriteLine(ResultTable.ToMarkdown(results, options));
    return results.All(r => r.Passed) ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}

static bool CanMountADisk()
{
    using var disk = SmallDisk.TryMount(1024 * 1024);
    return disk is not null;
}
