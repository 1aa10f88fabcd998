namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// Command-line options. The prices are assumptions, stated in the report beside every figure they produce: a CPU
/// core-hour (on-demand general-purpose cloud x86, per vCPU) and the teacher's list price per 1M tokens (GPT-4o).
/// </summary>
internal sealed record ServingBenchmarkOptions(
    int Queries, int Rounds, string? Gguf, double TrainMinutes, string? Data,
    double CoreHourUsd, double TeacherInputUsdPerMillion, double TeacherOutputUsdPerMillion, string TeacherModel)
{
    public static ServingBenchmarkOptions? Parse(string[] args)
    {
        var o = new ServingBenchmarkOptions(100, 3, null, 3, null, 0.05, 2.50, 10.00, "gpt-4o");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            o = args[i] switch
            {
                "--queries" => o with { Queries = int.Parse(v, CultureInfo.InvariantCulture) },
                "--rounds" => o with { Rounds = int.Parse(v, CultureInfo.InvariantCulture) },
                "--gguf" => o with { Gguf = v },
                "--train-minutes" => o with { TrainMinutes = double.Parse(v, CultureInfo.InvariantCulture) },
                "--data" => o with { Data = v },
                "--core-hour-usd" => o with { CoreHourUsd = double.Parse(v, CultureInfo.InvariantCulture) },
                "--teacher-input-usd" => o with { TeacherInputUsdPerMillion = double.Parse(v, CultureInfo.InvariantCulture) },
                "--teacher-output-usd" => o with { TeacherOutputUsdPerMillion = double.Parse(v, CultureInfo.InvariantCulture) },
                "--teacher-model" => o with { TeacherModel = v },
                _ => null,
            };
            if (o is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 ? o : null;
    }
}
