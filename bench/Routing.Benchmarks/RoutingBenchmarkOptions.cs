namespace SlmPlatform.Routing.Benchmarks;

/// <summary>Command-line options: interleaved rounds, calls per case per round, the Redis to use, the shared data.</summary>
internal sealed record RoutingBenchmarkOptions(int Rounds, int Calls, string? Redis, string? Data)
{
    public static RoutingBenchmarkOptions? Parse(string[] args)
    {
        var options = new RoutingBenchmarkOptions(20, 500, Environment.GetEnvironmentVariable("SLM_TEST_REDIS"), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rounds" when value is not null:
                    options = options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) };
                    break;
                case "--calls" when value is not null:
                    options = options with { Calls = int.Parse(value, CultureInfo.InvariantCulture) };
                    break;
                case "--redis" when value is not null:
                    options = options with { Redis = value };
                    break;
                case "--data" when value is not null:
                    options = options with { Data = value };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }
}
