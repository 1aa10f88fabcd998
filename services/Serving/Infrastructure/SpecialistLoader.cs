using System.Diagnostics;
using Microsoft.Extensions.Options;
using SlmPlatform.Serving.Runtimes;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>Reads a specialist's artifact and builds the runtime for its kind.</summary>
public sealed class SpecialistLoader(ISpecialistSource source, IEmbeddingGenerator<string, Embedding<float>> embeddings, IOptions<ServingOptions> options)
{
    public async Task<ISpecialist> LoadAsync(SpecialistDescriptor descriptor, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var artifact = await source.OpenArtifactAsync(descriptor.ArtifactKey, cancellationToken)
            ?? throw new SpecialistUnavailableException($"The artifact of model {descriptor.Id} is missing from the artifact store.");
        switch (descriptor.Kind)
        {
            case SpecialistKinds.ClassifierHead:
                var head = ClassifierHeadArtifact.Read(artifact);
                var served = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
                if (served is not null && served != head.EmbeddingModelId)
                {
                    throw new SpecialistUnavailableException(
                        $"Model {descriptor.Id} was trained on {head.EmbeddingModelId} embeddings; this server embeds with {served}.");
                }

                return new ClassifierHeadSpecialist(descriptor, head, embeddings, clock.Elapsed);
            case SpecialistKinds.Generative:
                return await LoadGgufAsync(descriptor, artifact, clock, cancellationToken);
            default:
                throw new SpecialistUnavailableException($"Model {descriptor.Id} is a '{descriptor.Kind}', which this server cannot run.");
        }
    }

    /// <summary>
    /// llama.cpp maps the GGUF from a file: the store's own file when the artifact is one (the shared folder), else a
    /// private copy that the specialist deletes when it is unloaded.
    /// </summary>
    private async Task<ISpecialist> LoadGgufAsync(SpecialistDescriptor descriptor, Stream artifact, Stopwatch clock, CancellationToken cancellationToken)
    {
        string? owned = null;
        var path = (artifact as FileStream)?.Name;
        if (path is null)
        {
            owned = Path.Combine(Path.GetTempPath(), $"slm-serving-{descriptor.Id:N}-{Guid.NewGuid():N}.gguf");
            await using var copy = File.Create(owned);
            await artifact.CopyToAsync(copy, cancellationToken);
            path = owned;
        }

        try
        {
            var bytes = new FileInfo(path).Length;
            var runner = await Task.Run(() => GgufSpecialist.Load(path, options.Value.GgufThreads), cancellationToken);
            return new GgufGenerativeSpecialist(descriptor, runner, bytes, clock.Elapsed, owned);
        }
        catch (Exception e) when (e is InvalidDataException or LLama.Exceptions.LoadWeightsFailedException)
        {
            if (owned is not null)
            {
                File.Delete(owned);
            }

            throw new SpecialistUnavailableException($"The GGUF of model {descriptor.Id} could not be loaded: {e.Message}");
        }
    }
}

/// <summary>A specialist that exists but cannot be served here (missing artifact, unknown kind, other embeddings).</summary>
public sealed class SpecialistUnavailableException(string message) : Exception(message);
