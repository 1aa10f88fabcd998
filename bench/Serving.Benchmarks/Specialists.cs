using Microsoft.Extensions.AI;
using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// The two BANKING77 router specialists the figures are about, as files serving loads: the classifier head (default
/// trainer options on MiniLM vectors of the training split, vectors cached in the temp folder as by
/// Specialists.Quality) and the generative specialist (a GGUF given with --gguf, else trained here with the default
/// shape for a short time budget; its per-call cost depends on its shape and answer length, not on how long it trained).
/// </summary>
internal static class Specialists
{
    public static async Task<string> HeadArtifactAsync(OnnxSentenceEmbeddingGenerator embeddings, string banking77, string folder)
    {
        var set = Banking77.Load(Path.Combine(banking77, "train.csv"));
        var labels = set.Categories.Order(StringComparer.Ordinal).ToArray();
        var (vectors, time, cached) = await EmbeddedSet.LoadAsync(embeddings, set, labels, "banking77-train-minilm", useCache: true);
        Console.Error.WriteLine(cached ? "head: training vectors from the cache" : $"head: embedded {set.Texts.Length} texts in {time.TotalSeconds:0} s");
        var clock = Stopwatch.StartNew();
        var modelId = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
        var head = new ClassifierHeadTrainer(new ClassifierHeadOptions()).Train(vectors, labels, modelId).Head;
        Console.Error.WriteLine($"head: trained in {clock.Elapsed.TotalSeconds:0} s");
        var path = Path.Combine(folder, "router" + ClassifierHeadArtifact.FileExtension);
        await using var file = File.Create(path);
        ClassifierHeadArtifact.Write(head, file);
        return path;
    }

    public static async Task<string> GgufAsync(ServingBenchmarkOptions options, string banking77, string folder)
    {
        if (options.Gguf is { } given)
        {
            return Path.GetFullPath(given);
        }

        var set = Banking77.Load(Path.Combine(banking77, "train.csv"));
        var pairs = set.Texts.Select((t, i) => (t.Trim(), $"{{\"intent\": \"{set.Categories[set.Labels[i]]}\"}}")).ToList();
        var training = new GenerativeTrainingOptions { MaxTrainingTime = TimeSpan.FromMinutes(options.TrainMinutes), Threads = Environment.ProcessorCount };
        Console.Error.WriteLine($"generative: training the default shape for at most {options.TrainMinutes} min (use --gguf to serve a model trained elsewhere)");
        using var model = await GenerativeTrainer.TrainAsync(pairs, [], training, null, null);
        var path = Path.Combine(folder, "router-F32.gguf");
        model.ExportGguf(path, GgufQuantization.F32);
        return path;
    }
}
