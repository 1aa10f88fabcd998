using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.FunctionalTests;

/// <summary>
/// The serving service in-process with one generative specialist: a tiny model trained here (seconds) on a toy
/// fruit → <c>{"colour": …}</c> task, exported as an F32 GGUF (whose greedy answers equal the trained model's) and
/// recorded in serving's own registry. <see cref="Expected"/> holds the trained model's answers.
/// </summary>
public sealed class GgufServingFixture : IAsyncLifetime
{
    public const string Tenant = "tenant-serving-gguf";

    public static readonly IReadOnlyList<string> Prompts = ["xy apple q", "k banana zz", "plum ab", "ro kiwi t", "grape", "nn cherry oo"];

    private static readonly (string Fruit, string Colour)[] Fruits =
    [
        ("apple", "red"), ("banana", "yellow"), ("lime", "green"), ("plum", "purple"),
        ("orange", "orange"), ("cherry", "red"), ("kiwi", "brown"), ("grape", "green"),
    ];

    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), $"slm-serving-gguf-tests-{Guid.NewGuid():N}");

    public ServiceFactory<ServingOptions> Serving { get; private set; } = null!;

    public string Key { get; private set; } = null!;

    public SpecialistDescriptor Model { get; private set; } = null!;

    /// <summary>The trained (TorchSharp) model's greedy answer to each of <see cref="Prompts"/>.</summary>
    public IReadOnlyDictionary<string, string> Expected { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = await TestDatabase.CreateAsync("platformdb", token);
        Key = await TestApiKeys.CreateAsync(platformDb, Tenant, token);

        var id = Guid.NewGuid();
        var key = $"{Tenant}/models/{id}.gguf";
        var path = ArtifactKeys.Resolve(_artifacts, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var model = await GenerativeTrainer.TrainAsync(Examples(400, seed: 11), [], Options, null, null, token))
        {
            model.ExportGguf(path, GgufQuantization.F32);
            Expected = Prompts.Zip(model.GenerateAll(Prompts)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }

        Model = new SpecialistDescriptor(id, Tenant, Guid.NewGuid(), SpecialistKinds.Generative, key, "gguf-f32", DateTimeOffset.UtcNow);
        await new SpecialistRegistry(_artifacts).RememberAsync(Model, token);
        Serving = new ServiceFactory<ServingOptions>(
            new Dictionary<string, string> { ["ConnectionStrings:platformdb"] = platformDb, ["Serving:ArtifactsPath"] = _artifacts });
    }

    public async ValueTask DisposeAsync()
    {
        if (Serving is not null)
        {
            await Serving.DisposeAsync();
        }

        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }

    private static GenerativeTrainingOptions Options => new()
    {
        Tokenizer = TokenizerKind.Character, Dimension = 32, Heads = 2, Layers = 2, FeedForward = 64, ContextLength = 48,
        Epochs = 8, BatchSize = 16, LearningRate = 1e-2, WarmupSteps = 10, Dropout = 0, WeightDecay = 0, Threads = 1,
    };

    private static List<(string Prompt, string Answer)> Examples(int count, int seed)
    {
        var random = new Random(seed);
        string Filler() => new([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (char)('a' + random.Next(26)))]);
        return [.. Enumerable.Range(0, count).Select(_ => Fruits[random.Next(Fruits.Length)]).Select(f => ($"{Filler()} {f.Fruit} {Filler()}", $"{{\"colour\": \"{f.Colour}\"}}"))];
    }
}
