using System.CommandLine;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>The command line: the Presidio run (the default) or the development set (<c>--dev</c>).</summary>
internal static class Arguments
{
    public static readonly Option<double> Seconds = HarnessOptions.Number(
        "--seconds", "N", "least measured seconds per scanner and corpus, after its warm-up", 3.0);

    public static readonly Option<string> Data = HarnessOptions.SharedData();

    public static readonly Option<bool> NoWrite = new("--no-write") { Description = "print the figures only, without writing them into docs/scrubbing.md" };

    public static readonly Option<bool> PerRecognizer = new("--per-recognizer") { Description = "also time each recognizer alone over the Presidio text" };

    public static readonly Option<bool> Dev = new("--dev") { Description = "score the generated development sets instead: held-out templates and new sentences of the training templates (prints only)" };

    public static readonly Option<bool> Misses = new("--misses") { Description = "with --dev: also print the sentences not fully masked, and false alarms" };

    public static RootCommand Create() =>
        new("The scrubber's quality on Presidio's synthetic set and its throughput beside a one-regex baseline, on that " +
            "text and on BFCL prompts; writes the figures into docs/scrubbing.md.")
        {
            Seconds, Data, NoWrite, PerRecognizer, Dev, Misses,
        };
}
