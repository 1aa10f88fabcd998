using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Embeddings;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Training;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// A dataset, a trained model and the specialist serving runs for a tenant, as a finished fine-tune leaves them: the
/// dataset and model rows and artifacts in training's stores, the specialist in serving's registry. A fine-tune that
/// trains for real needs a hundred calls and minutes; the tenant matrix needs only their ids and a model that answers.
/// </summary>
internal static class TrainedModelSeed
{
    private static readonly (string Text, int Label)[] Examples =
    [
        ("Where is my parcel now?", 0), ("Has the courier picked up my box?", 0), ("When will the delivery arrive?", 0),
        ("The package never came", 0), ("Can I change where my order is delivered?", 0), ("My shipment is stuck in transit", 0),
        ("The driver left it at the wrong house", 0), ("How long does shipping take?", 0),
        ("I was billed twice this month", 1), ("Please refund the extra charge", 1), ("Why is my invoice so high?", 1),
        ("My card was charged the wrong amount", 1), ("I want my money back", 1), ("There is a fee I do not recognise", 1),
        ("Send me last month's receipt", 1), ("The discount was not applied to my bill", 1),
    ];

    public static async Task<(string DatasetId, Guid ModelId)> SeedAsync(
        PlatformUnderTest platform, string tenantId, Guid taskId, Guid jobId, string callId, CancellationToken cancellationToken)
    {
        var training = platform.ServicesOf("training");
        var dataset = new DatasetVersion(
            $"ds-matrix-{Guid.NewGuid():N}", tenantId, taskId, "label", CanonicalJsonl.Hash([]), new Dictionary<string, int> { ["train"] = 1 }, ["intent=delivery"],
            new DatasetLineage(1, new DatasetOptions(), null, [callId], []), []);
        await training.GetRequiredService<DatasetStore>().SaveAsync(dataset, cancellationToken);

        var modelId = Guid.NewGuid();
        var key = $"{DatasetStore.Safe(tenantId)}/models/{modelId}{ClassifierHeadArtifact.FileExtension}";
        var (head, baseModel) = await TrainAsync();
        using (var bytes = new MemoryStream())
        {
            ClassifierHeadArtifact.Write(head, bytes);
            await training.GetRequiredService<IArtifactStore>().WriteAsync(key, bytes.ToArray(), cancellationToken);
        }

        var models = training.GetRequiredService<ModelRegistry>();
        await models.RegisterAsync(
            tenantId, modelId, taskId, jobId, "classifier-head", baseModel, dataset.Id, new { }, new { }, new { head = new { key, format = ClassifierHeadArtifact.Format } },
            cancellationToken);
        // Announced as far as training's sweeper knows: nothing evaluates it behind the test's back.
        await models.MarkAnnouncedAsync(modelId, cancellationToken);
        await new SpecialistRegistry(platform.ArtifactsPath).RememberAsync(
            new SpecialistDescriptor(modelId, tenantId, taskId, SpecialistKinds.ClassifierHead, key, ClassifierHeadArtifact.Format, DateTimeOffset.UtcNow), cancellationToken);
        return (dataset.Id, modelId);
    }

    private static async Task<(ClassifierHead Head, string BaseModel)> TrainAsync()
    {
        using var embeddings = new OnnxSentenceEmbeddingGenerator();
        var vectors = await embeddings.GenerateAsync(Examples.Select(e => e.Text));
        var rows = new LabelledVectors([.. vectors.SelectMany(v => v.Vector.ToArray())], 384, [.. Examples.Select(e => e.Label)]);
        var options = new ClassifierHeadOptions { HiddenUnits = 0, EnsembleMembers = 1, MaxEpochs = 50, Patience = 50, LearningRate = 0.01f, ValidationFraction = 0.15, Seed = 3 };
        var baseModel = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
        return (new ClassifierHeadTrainer(options).Train(rows, ["intent=delivery", "intent=billing"], baseModel).Head, baseModel);
    }
}
