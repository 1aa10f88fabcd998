namespace SlmPlatform.Specialists.Generative.UnitTests;

/// <summary>A toy templated-generation task shaped like intent routing: the prompt names a fruit among random
/// filler letters, the answer is a JSON object with its colour. Learnable by a very small model in seconds, and
/// impossible to answer without learning which word matters and what it maps to.</summary>
internal static class ToyTask
{
    private static readonly (string Fruit, string Colour)[] Fruits =
    [
        ("apple", "red"), ("banana", "yellow"), ("lime", "green"), ("plum", "purple"),
        ("orange", "orange"), ("cherry", "red"), ("kiwi", "brown"), ("grape", "green"),
    ];

    public static List<(string Prompt, string Answer)> Examples(int count, int seed)
    {
        var random = new Random(seed);
        string Filler() => new([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (char)('a' + random.Next(26)))]);
        var examples = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var (fruit, colour) = Fruits[random.Next(Fruits.Length)];
            examples.Add(($"{Filler()} {fruit} {Filler()}", $"{{\"colour\": \"{colour}\"}}"));
        }

        return examples;
    }

    public static GenerativeTrainingOptions TinyOptions(int epochs = 8) => new()
    {
        Tokenizer = TokenizerKind.Character,
        Dimension = 32,
        Heads = 2,
        Layers = 2,
        FeedForward = 64,
        ContextLength = 48,
        Epochs = epochs,
        BatchSize = 16,
        LearningRate = 1e-2,
        WarmupSteps = 10,
        Dropout = 0,
        WeightDecay = 0,
        EvaluationInterval = 50,
        CheckpointInterval = 1000,
        ProgressInterval = 1,
        Threads = 1,
    };

    /// <summary>Collects reports on the reporting thread (Progress&lt;T&gt; would post them elsewhere, later).</summary>
    public sealed class Recorder(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
