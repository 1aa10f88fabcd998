using System.CommandLine;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// Command-line options. The prices are assumptions, stated in the report beside every figure they produce: a CPU
/// core-hour (on-demand general-purpose cloud x86, per vCPU) and the teacher's list price per 1M tokens (GPT-4o).
/// </summary>
internal sealed record ServingBenchmarkOptions(
    int Queries, int Rounds, string? Gguf, double TrainMinutes, string? Data,
    double CoreHourUsd, double TeacherInputUsdPerMillion, double TeacherOutputUsdPerMillion, string TeacherModel)
{
    private static readonly Option<int> QueriesOption = HarnessOptions.Number("--queries", "N", "BANKING77 test queries per mode", 100);

    private static readonly Option<int> RoundsOption = HarnessOptions.Number("--rounds", "N", "interleaved rounds per mode, after one warm-up round", 3);

    private static readonly Option<string> GgufOption = new("--gguf")
    {
        Description = "the generative specialist's GGUF file (default: train one here for --train-minutes)",
        HelpName = "FILE",
    };

    private static readonly Option<double> TrainMinutesOption = HarnessOptions.Number("--train-minutes", "M", "training budget of the generative specialist without --gguf", 3.0);

    private static readonly Option<string> DataOption = HarnessOptions.SharedData();

    private static readonly Option<double> CoreHourUsdOption = HarnessOptions.Number("--core-hour-usd", "X", "assumed price of a CPU core-hour, USD", 0.05);

    private static readonly Option<double> TeacherInputUsdOption = HarnessOptions.Number("--teacher-input-usd", "X", "assumed teacher price per 1M input tokens, USD", 2.50);

    private static readonly Option<double> TeacherOutputUsdOption = HarnessOptions.Number("--teacher-output-usd", "X", "assumed teacher price per 1M output tokens, USD", 10.00);

    private static readonly Option<string> TeacherModelOption = new("--teacher-model")
    {
        Description = "the teacher named beside its prices",
        HelpName = "NAME",
        DefaultValueFactory = _ => "gpt-4o",
    };

    /// <summary>Reads the command line; null when it asked for help or was wrong, which has been written, with the exit code to end with.</summary>
    public static ServingBenchmarkOptions? Parse(string[] args, out int exitCode)
    {
        var command = new RootCommand("Generated tokens/s of a GGUF specialist through serving's API beside raw LLamaSharp, and each " +
            "specialist's CPU cost per call priced against a teacher call.\n" +
            "Needs BANKING77 and $SLM_TEST_POSTGRES, else exits 0 saying why; bench/run-serving-benchmark.sh starts a PostgreSQL.")
        {
            QueriesOption, RoundsOption, GgufOption, TrainMinutesOption, DataOption,
            CoreHourUsdOption, TeacherInputUsdOption, TeacherOutputUsdOption, TeacherModelOption,
        };
        return command.TryParse(args, out var parsed, out exitCode) ? Read(parsed) : null;
    }

    private static ServingBenchmarkOptions Read(ParseResult parsed) => new(
        parsed.GetValue(QueriesOption),
        parsed.GetValue(RoundsOption),
        parsed.GetValue(GgufOption),
        parsed.GetValue(TrainMinutesOption),
        parsed.GetValue(DataOption),
        parsed.GetValue(CoreHourUsdOption),
        parsed.GetValue(TeacherInputUsdOption),
        parsed.GetValue(TeacherOutputUsdOption),
        parsed.GetValue(TeacherModelOption)!);
}
