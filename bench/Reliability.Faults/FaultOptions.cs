using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Reliability.Faults;

/// <summary>What the suite runs; every value has a default, so a bare run is the documented one.</summary>
internal sealed record FaultOptions
{
    private static readonly Option<string[]> Only = new("--scenario")
    {
        Description = $"run only these scenarios (repeatable): {string.Join(", ", Faults.Scenarios.All.Select(s => s.Id))}",
        HelpName = "ID",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> FaultAtOption = HarnessOptions.WholeNumber("--fault-at", "seconds of load before the fault", 10);

    private static readonly Option<int> AfterOption = HarnessOptions.WholeNumber("--after", "seconds of load after the fault has healed", 15);

    private static readonly Option<double> IngestRateOption = HarnessOptions.Number("--ingest-rate", "CALLS_PER_S", "calls posted to ingest per second", 40.0);

    private static readonly Option<double> GatewayRateOption = HarnessOptions.Number("--gateway-rate", "CALLS_PER_S", "chat requests through the gateway per second", 15.0);

    private static readonly Option<int> SoakOption = HarnessOptions.WholeNumber(
        "--soak", "instead of the faults, a soak of this many minutes: steady load, a noisy tenant in the middle third, memory, descriptors and queues sampled", 0, least: 0);

    private static readonly Option<double> NoisyRateOption = HarnessOptions.Number("--noisy-rate", "CALLS_PER_S", "the soak's noisy tenant: calls posted to ingest per second (the rate limit is 100)", 400.0);

    private static readonly Option<string> IngestDll = HarnessOptions.FullPath("--ingest-dll", "the built ingest service (SlmPlatform.Ingest.dll)");

    private static readonly Option<string> ScrubberDll = HarnessOptions.FullPath("--scrubber-dll", "the built scrubber (SlmPlatform.Scrubber.dll)");

    private static readonly Option<string> GatewayDll = HarnessOptions.FullPath("--gateway-dll", "the built gateway (SlmPlatform.Gateway.dll)");

    private static readonly Option<string> TasksDll = HarnessOptions.FullPath("--tasks-dll", "the built task discovery service (SlmPlatform.TaskDiscovery.dll), for the scenarios that file calls");

    private static readonly Option<string> TrainingDll = HarnessOptions.FullPath("--training-dll", "the built training service (SlmPlatform.Training.dll), for the scenarios with a fine-tune running");

    private static readonly Option<string> ServingDll = HarnessOptions.FullPath("--serving-dll", "the built serving service (SlmPlatform.Serving.dll), for the scenarios with a routed specialist");

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    public required TimeSpan FaultAt { get; init; }

    public required TimeSpan After { get; init; }

    public required double IngestRate { get; init; }

    public required double GatewayRate { get; init; }

    /// <summary>Zero: the faults; otherwise the soak's length.</summary>
    public required TimeSpan Soak { get; init; }

    public required double NoisyRate { get; init; }

    /// <summary>Senders to ingest: a call retrying through an outage holds its sender, as it would hold an agent.</summary>
    public int IngestClients { get; init; } = 4;

    public int GatewayClients { get; init; } = 4;

    public required string Ingest { get; init; }

    public required string Scrubber { get; init; }

    public required string Gateway { get; init; }

    /// <summary>Task discovery, for the scenarios that also check every stored call is filed once.</summary>
    public string? Tasks { get; init; }

    /// <summary>Training, for the scenarios with a fine-tune running.</summary>
    public string? Training { get; init; }

    /// <summary>Serving, for the scenarios where a specialist answers the gateway's calls or a model is evaluated.</summary>
    public string? Serving { get; init; }

    public static bool TryParse(string[] args, [NotNullWhen(true)] out FaultOptions? options, out int exitCode)
    {
        IngestDll.Required = true;
        ScrubberDll.Required = true;
        GatewayDll.Required = true;
        Only.Validators.Add(result =>
        {
            foreach (var unknown in result.Tokens.Select(t => t.Value).Where(id => Faults.Scenarios.All.All(s => s.Id != id)))
            {
                result.AddError($"--scenario: no scenario is called '{unknown}'.");
            }
        });
        var command = new RootCommand(
            "Load with an exactly-once checker while processes are killed and servers stopped, paused and cut off; one row per fault.\n" +
            "Needs the servers of eng/test-servers.sh (bench/run-fault-suite.sh starts them).")
        {
            Only, FaultAtOption, AfterOption, IngestRateOption, GatewayRateOption, SoakOption, NoisyRateOption, IngestDll, ScrubberDll, GatewayDll, TasksDll, ServingDll, TrainingDll,
        };
        options = command.TryParse(args, out var parsed, out exitCode)
            ? new FaultOptions
            {
                Scenarios = parsed.GetValue(Only) is { Length: > 0 } only ? [.. Faults.Scenarios.All.Where(s => only.Contains(s.Id))] : Faults.Scenarios.All,
                FaultAt = TimeSpan.FromSeconds(parsed.GetValue(FaultAtOption)),
                After = TimeSpan.FromSeconds(parsed.GetValue(AfterOption)),
                IngestRate = parsed.GetValue(IngestRateOption),
                GatewayRate = parsed.GetValue(GatewayRateOption),
                Soak = TimeSpan.FromMinutes(parsed.GetValue(SoakOption)),
                NoisyRate = parsed.GetValue(NoisyRateOption),
                Ingest = parsed.GetValue(IngestDll)!,
                Scrubber = parsed.GetValue(ScrubberDll)!,
                Gateway = parsed.GetValue(GatewayDll)!,
                Tasks = parsed.GetValue(TasksDll),
                Serving = parsed.GetValue(ServingDll),
                Training = parsed.GetValue(TrainingDll),
            }
            : null;
        return options is not null;
    }
}
