using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class HeadPredictorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answer_OfATrainedRouter_IsTheTeachersContentForTheLabel()
    {
        var calls = new List<SourceCall>();
        string[][] words = [["card", "arrive", "delivery", "post"], ["rate", "exchange", "currency", "euro"], ["lost", "stolen", "missing", "block"]];
        string[] intents = ["card_arrival", "exchange_rate", "lost_card"];
        for (var i = 0; i < 150; i++)
        {
            var w = words[i % 3];
            calls.Add(FakeCalls.Router($"c{i:000}", $"{w[i % 4]} {w[(i / 3) % 4]} please {i}", intents[i % 3]));
        }

        var embedder = new HashingEmbedder();
        var dataset = await new DatasetBuilder().BuildAsync(new FakeCalls(calls), "t", Guid.NewGuid(), "json", new DatasetOptions { NearDuplicateThreshold = null }, Token);
        var labels = dataset.Labels;
        var vectors = await embedder.GenerateAsync(dataset.Examples.Select(e => e.InputText), cancellationToken: Token);
        var rows = LabelledVectors.From([.. vectors.Select(v => v.Vector)], [.. dataset.Examples.Select(e => labels.ToList().IndexOf(e.Label!))]);
        var head = new ClassifierHeadTrainer(new ClassifierHeadOptions { HiddenUnits = 0, EnsembleMembers = 1, LearningRate = 0.05f, MaxEpochs = 30 })
            .Train(rows, labels, "hashing-bow", cancellationToken: Token).Head
            .WithAnswers(intents.ToDictionary(i => i, i => JsonSerializer.Serialize(new { intent = i })));
        var messages = JsonDocument.Parse("""[{"role":"system","content":"Route."},{"role":"user","content":"my stolen card, block it"}]""").RootElement;

        var answer = await new HeadPredictor(head, embedder).AnswerAsync(messages, Token);

        Assert.Equal("lost_card", answer.Label);
        Assert.Equal("""{"intent":"lost_card"}""", answer.Content);
        Assert.InRange(answer.Prediction.Probability, 0.34f, 1f);
    }

    [Fact]
    public void Predictor_WithAnotherEmbeddingModel_IsRefused()
    {
        var rows = SyntheticClusters.Make(classes: 2, perClass: 20, dimensions: 256, noise: 0.5f, seed: 1);
        var head = new ClassifierHeadTrainer(new ClassifierHeadOptions { HiddenUnits = 0, EnsembleMembers = 1, MaxEpochs = 2 })
            .Train(rows, ["a", "b"], "sentence-transformers/all-MiniLM-L6-v2", cancellationToken: Token).Head;

        Assert.Throws<ArgumentException>(() => new HeadPredictor(head, new HashingEmbedder()));
    }
}
