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

    public static readonly Option<string?> TrainContextual = new("--train-contextual") { Description = "train the contextual tagger's head and write it to this file (the library ships libraries/Scrubbing/Recognizers/Names/Contextual/contextual-head.bin)", HelpName = "FILE" };

    public static readonly Option<int> ContextualSentences = HarnessOptions.Number("--contextual-sentences", "N", "with --train-contextual or --train-window: generated training sentences", 16000);

    public static readonly Option<int> ContextualHidden = HarnessOptions.Number("--contextual-hidden", "N", "with --train-contextual: hidden units of the head", 256);

    public static readonly Option<int> ContextualEpochs = HarnessOptions.Number("--contextual-epochs", "N", "with --train-contextual or --train-window: passes over the training tokens", 8);

    public static readonly Option<string?> TrainWindow = new("--train-window") { Description = "train the word-window tagger and write it to this file (the library ships libraries/Scrubbing/Recognizers/Names/Contextual/word-window-model.bin)", HelpName = "FILE" };

    public static readonly Option<int> WindowDimensions = HarnessOptions.Number("--window-dimensions", "N", "with --train-window: dimensions each word's pieces are projected to", 32);

    public static readonly Option<int> WindowHidden = HarnessOptions.Number("--window-hidden", "N", "with --train-window: units of the first hidden layer (the second has half)", 64);

    public static RootCommand Create() =>
        new("The scrubber's quality on Presidio's synthetic set and its throughput beside a one-regex baseline, on that " +
            "text and on BFCL prompts; writes the figures into docs/scrubbing.md.")
        {
            Seconds, Data, NoWrite, PerRecognizer, Dev, Misses, TrainContextual, ContextualSentences, ContextualHidden, ContextualEpochs, TrainWindow, WindowDimensions, WindowHidden,
        };
}
