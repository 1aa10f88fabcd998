using OllamaSharp;
using SlmPlatform.Embeddings;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Extensions;

internal static class EmbeddingExtensions
{
    /// <summary>
    /// The embedding generator for calls, behind a content-hash cache (Redis when the <c>cache</c> connection is
    /// given; <see cref="Extensions.AddApplicationServices"/> adds its client). <c>Embeddings:Provider</c> picks the model: <c>onnx</c> (default; all-MiniLM-L6-v2 in-process, or the
    /// export in <c>Embeddings:ModelPath</c>) or <c>ollama</c> (<c>Embeddings:Ollama:Endpoint</c> and <c>:Model</c>,
    /// for GPU deployments).
    /// </summary>
    public static IHostApplicationBuilder AddCallEmbeddings(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Embeddings");
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(PlatformConnections.Cache)))
        {
            builder.Services.AddSingleton<IEmbeddingCache, RedisEmbeddingCache>();
        }
        else
        {
            builder.Services.AddSingleton<IEmbeddingCache, InMemoryEmbeddingCache>();
        }

        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var (inner, modelId) = section["Provider"] switch
            {
                "ollama" => Ollama(section.GetSection("Ollama")),
                null or "onnx" => Onnx(section),
                var other => throw new InvalidOperationException($"Embeddings:Provider '{other}' is not 'onnx' or 'ollama'."),
            };
            return new CachingEmbeddingGenerator(inner, sp.GetRequiredService<IEmbeddingCache>(), modelId);
        });
        return builder;
    }

    private static (IEmbeddingGenerator<string, Embedding<float>>, string) Onnx(IConfigurationSection section)
    {
        var options = new SentenceEmbeddingOptions();
        section.Bind(options);
        var generator = new OnnxSentenceEmbeddingGenerator(options);

        // Calls are filed one message at a time by concurrent consumers: their texts run together (docs/benchmarks.md),
        // enough of them at once to fill every batch the generator may run in parallel (Embeddings:MaxConcurrency).
        return (new CoalescingEmbeddingGenerator(generator, options.BatchSize * options.MaxConcurrency), generator.Model.ModelId);
    }

    private static (IEmbeddingGenerator<string, Embedding<float>>, string) Ollama(IConfigurationSection section)
    {
        var endpoint = section["Endpoint"] ?? throw new InvalidOperationException("Embeddings:Ollama:Endpoint is required for the ollama provider.");
        var model = section["Model"] ?? throw new InvalidOperationException("Embeddings:Ollama:Model is required for the ollama provider.");
        return (new OllamaApiClient(new Uri(endpoint), model), $"ollama:{model}");
    }
}

/// <summary>Connection names the AppHost gives this service.</summary>
internal static class PlatformConnections
{
    public const string Cache = "cache";
}
