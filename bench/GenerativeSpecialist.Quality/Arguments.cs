using System.CommandLine;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.GenerativeSpecialist.Quality;

/// <summary>The command line: the training shape and budget, where the run's files go, and what to skip.</summary>
internal static class Arguments
{
    // The shape's defaults are the trainer's own, so that a bare run measures the shape the platform trains.
    private static readonly GenerativeTrainingOptions Defaults = new();

    public static readonly Option<string> Data = HarnessOptions.SharedData();

    public static readonly Option<double> Minutes = HarnessOptions.Number("--minutes", "M", "training budget in minutes", 15.0);

    public static readonly Option<int> Dimension = HarnessOptions.Number("--dimension", "N", "model width", Defaults.Dimension);

    public static readonly Option<int> Layers = HarnessOptions.Number("--layers", "N", "transformer layers", Defaults.Layers);

    public static readonly Option<int> Heads = HarnessOptions.Number("--heads", "N", "attention heads", Defaults.Heads);

    public static readonly Option<int> FeedForward = HarnessOptions.Number("--ff", "N", "feed-forward width", Defaults.FeedForward);

    public static readonly Option<int> Context = HarnessOptions.Number("--context", "N", "context length in tokens", Defaults.ContextLength);

    public static readonly Option<int> Epochs = HarnessOptions.Number("--epochs", "N", "most epochs, if the time budget lasts", Defaults.Epochs);

    public static readonly Option<int> Batch = HarnessOptions.Number("--batch", "N", "batch size", Defaults.BatchSize);

    public static readonly Option<double> LearningRate = HarnessOptions.Number("--lr", "X", "peak learning rate", Defaults.LearningRate);

    public static readonly Option<double> Dropout = HarnessOptions.Number("--dropout", "X", "dropout", Defaults.Dropout);

    public static readonly Option<string> Tokenizer = CreateTokenizer();

    public static readonly Option<int> Threads = HarnessOptions.Number("--threads", "N", "threads for training and for the GGUF runs", 2);

    public static readonly Option<int> Validation = HarnessOptions.Number("--validation", "N", "queries of train.csv held out for validation", 300);

    public static readonly Option<int?> Test = HarnessOptions.OptionalNumber<int>("--test", "N", "score the first N test queries only, for a quick look (default: all)");

    public static readonly Option<bool> NoWait = new("--no-wait") { Description = "start at once, without waiting (at most 10 min) for a load average below 2.0" };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "folder for the checkpoints and the GGUF files",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "generative-specialist-banking77"),
    };

    public static readonly Option<bool> Resume = new("--resume") { Description = "go on from the checkpoints in --out instead of deleting them" };

    public static readonly Option<bool> SkipGguf = new("--skip-gguf") { Description = "score with TorchSharp only: no GGUF export and no LLamaSharp runs" };

    public static RootCommand Create() =>
        new("Trains the tiny generative specialist on BANKING77, scores greedy exact match on the test split, exports GGUF " +
            "(F32, Q8_0) and checks LLamaSharp's answers. Exits 0 saying why without BANKING77.")
        {
            Data, Minutes, Dimension, Layers, Heads, FeedForward, Context, Epochs, Batch, LearningRate, Dropout, Tokenizer,
            Threads, Validation, Test, NoWait, Out, Resume, SkipGguf,
        };

    private static Option<string> CreateTokenizer()
    {
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = "word (frequent words are single tokens) or character",
            DefaultValueFactory = _ => "word",
        };
        tokenizer.AcceptOnlyFromAmong("word", "character");
        return tokenizer;
    }
}
