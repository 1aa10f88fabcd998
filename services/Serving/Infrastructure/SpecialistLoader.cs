using System.Diagnostics;
using SlmPlatform.Serving.Runtimes;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>Reads a specialist's artifact and builds the runtime for its kind.</summary>
public sealed class SpecialistLoader(ISpecialistSource source, IEmbeddingGenerator<string, Embedding<float>> embeddings)
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
            default:
                throw new SpecialistUnavailableException($"Model {descriptor.Id} is a '{descriptor.Kind}', which this server cannot run.");
        }
    }
}

/// <summary>A specialist that exists but cannot be served here (missing artifact, unknown kind, other embeddings).</summary>
public sealed class SpecialistUnavailableException(string message) : Exception(message);
