using Microsoft.Extensions.AI;
using SlmPlatform.Embeddings;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Serving.FunctionalTests;

/// <summary>
/// The serving service in-process with classifier heads trained here on self-made router traffic, their artifacts in
/// the artifact store and each recorded in serving's own registry as a <c>ModelTrained</c> would record it.
/// </summary>
public sealed class ServingFixture : IAsyncLifetime
{
    public const string TenantA = "tenant-serving-a";
    public const string TenantB = "tenant-serving-b";

    public static readonly IReadOnlyDictionary<string, string[]> Traffic = new Dictionary<string, string[]>
    {
        ["intent=card_arrival"] =
        [
            "When will my new card arrive?", "My card still hasn't arrived in the post", "How long does it take for a card to be delivered?",
            "I ordered a card two weeks ago and it is not here yet", "Is my card on its way?", "The replacement card has not been delivered",
            "How many days until my debit card arrives?", "My card never showed up in the mail",
        ],
        ["intent=exchange_rate"] =
        [
            "What exchange rate do you use?", "How is the currency conversion rate calculated?", "Which rate will I get when I exchange euros?",
            "Where can I see today's exchange rates?", "Do you apply the interbank exchange rate?", "What rate do you charge to convert pounds to euros?",
            "How often do your exchange rates change?", "Tell me the conversion rate from yen to dollars",
        ],
        ["intent=lost_or_stolen_card"] =
        [
            "I lost my card, please block it", "Someone stole my card yesterday", "My wallet was stolen with my bank card inside",
            "Please freeze my card, it was stolen", "How do I report a stolen card?", "I misplaced my card and need it cancelled",
            "Block my card immediately, it is lost", "My card has gone missing, cancel it please",
        ],
    };

    private readonly string _artifacts = Path.Combine(Path.GetTempPath(), $"slm-serving-tests-{Guid.NewGuid():N}");

    public ServiceFactory<ServingOptions> Serving { get; private set; } = null!;

    /// <summary>The same service with room for one specialist only.</summary>
    public ServiceFactory<ServingOptions> Tight { get; private set; } = null!;

    /// <summary>The same service letting each tenant have one answer in the works and none waiting.</summary>
    public ServiceFactory<ServingOptions> OneAtATime { get; private set; } = null!;

    public string KeyA { get; private set; } = null!;

    public string KeyB { get; private set; } = null!;

    public SpecialistDescriptor RouterA { get; private set; } = null!;

    public SpecialistDescriptor OtherA { get; private set; } = null!;

    public SpecialistDescriptor RouterB { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = await TestDatabase.CreateAsync("platformdb", token);
        KeyA = await TestApiKeys.CreateAsync(platformDb, TenantA, token);
        KeyB = await TestApiKeys.CreateAsync(platformDb, TenantB, token);

        using var embeddings = new OnnxSentenceEmbeddingGenerator();
        var registry = new SpecialistRegistry(_artifacts);
        RouterA = await AddAsync(registry, TenantA, await TrainAsync(embeddings, seed: 1), token);
        OtherA = await AddAsync(registry, TenantA, await TrainAsync(embeddings, seed: 2), token);
        RouterB = await AddAsync(registry, TenantB, await TrainAsync(embeddings, seed: 3), token);
        var oneModel = new FileInfo(Path.Combine(_artifacts, RouterA.ArtifactKey)).Length;

        var settings = new Dictionary<string, string> { ["ConnectionStrings:platformdb"] = platformDb, ["Serving:ArtifactsPath"] = _artifacts };
        Serving = new ServiceFactory<ServingOptions>(settings);
        Tight = new ServiceFactory<ServingOptions>(
            new Dictionary<string, string>(settings) { ["Serving:MemoryBudgetBytes"] = (oneModel * 3 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        OneAtATime = new ServiceFactory<ServingOptions>(
            new Dictionary<string, string>(settings) { ["Serving:ConcurrentAnswersPerTenant"] = "1", ["Serving:QueuedAnswersPerTenant"] = "0" });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in new IAsyncDisposable?[] { Serving, Tight, OneAtATime })
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }

        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }

    private static async Task<ClassifierHead> TrainAsync(OnnxSentenceEmbeddingGenerator embeddings, int seed)
    {
        var labels = Traffic.Keys.Order(StringComparer.Ordinal).ToList();
        var texts = labels.SelectMany(l => Traffic[l].Select(t => (Text: t, Label: labels.IndexOf(l)))).ToList();
        var vectors = await embeddings.GenerateAsync(texts.Select(t => t.Text));
        var rows = new LabelledVectors([.. vectors.SelectMany(v => v.Vector.ToArray())], 384, [.. texts.Select(t => t.Label)]);
        var options = new ClassifierHeadOptions { HiddenUnits = 0, EnsembleMembers = 1, MaxEpochs = 200, Patience = 200, LearningRate = 0.01f, ValidationFraction = 0.15, Seed = seed };
        var modelId = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
        return new ClassifierHeadTrainer(options).Train(rows, labels, modelId).Head;
    }

    /// <summary>Writes the head's artifact where training would, and records it in serving's registry.</summary>
    private async Task<SpecialistDescriptor> AddAsync(SpecialistRegistry registry, string tenantId, ClassifierHead head, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var key = $"{tenantId}/models/{id}{ClassifierHeadArtifact.FileExtension}";
        var path = ArtifactKeys.Resolve(_artifacts, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        {
            ClassifierHeadArtifact.Write(head, file);
        }

        var descriptor = new SpecialistDescriptor(id, tenantId, Guid.NewGuid(), SpecialistKinds.ClassifierHead, key, ClassifierHeadArtifact.Format, DateTimeOffset.UtcNow);
        await registry.RememberAsync(descriptor, cancellationToken);
        return descriptor;
    }
}
