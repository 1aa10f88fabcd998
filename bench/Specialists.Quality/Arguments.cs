using System.CommandLine;

namespace SlmPlatform.Specialists.Quality;

/// <summary>
/// The command line: the head benchmark (the default), or instead the sweep (<c>--explore</c>), selective routing
/// (<c>--selective</c>) or MiniLM fine-tuned end to end (<c>--fine-tune</c>).
/// </summary>
internal static class Arguments
{
    public static readonly Option<string> Data = HarnessOptions.SharedData();

    public static readonly Option<bool> NoWrite = new("--no-write") { Description = "print the figures only, without writing them into docs/specialists.md" };

    public static readonly Option<bool> NoCache = new("--no-cache") { Description = "embed the texts again instead of reading the vector cache, to time the embedding" };

    public static readonly Option<double> Wait = HarnessOptions.Number(
        "--wait", "MINUTES", "longest wait for a one-minute load average below 1.5 before starting", 10.0);

    public static readonly Option<int> Hidden = HarnessOptions.Number(
        "--hidden", "UNITS", "units of the head's ReLU hidden layer (0: softmax regression)", ClassifierHeadRecipe.Default.HiddenUnits);

    public static readonly Option<bool> Explore = new("--explore") { Description = "the hyper-parameter sweep on the training split instead" };

    public static readonly Option<bool> Selective = new("--selective") { Description = "selective routing on a replay at bar 0.95 over 5 seeds instead" };

    public static readonly Option<double?> FineTune = HarnessOptions.OptionalNumber<double>(
        "--fine-tune", "MINUTES", "MiniLM fine-tuned end to end for this budget against the frozen-vector head instead");

    public static RootCommand Create() =>
        new("Trains the classifier-head specialist on BANKING77's training split (MiniLM vectors) and scores it on the " +
            "test split; writes the figures into docs/specialists.md.")
        {
            Data, NoWrite, NoCache, Wait, Hidden, Explore, Selective, FineTune,
        };
}
