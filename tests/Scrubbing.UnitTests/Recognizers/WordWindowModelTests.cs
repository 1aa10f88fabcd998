using SlmPlatform.Scrubbing.Recognizers.Contextual;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

/// <summary>
/// The word-window model computes what it was trained to (a word is the mean of its pieces' rows, the network's
/// softmax sums to one), keeps its weights through saving and loading, and ships fitted to MiniLM's vocabulary.
/// </summary>
public sealed class WordWindowModelTests
{
    [Fact]
    public void AWordsVector_IsTheMeanOfItsPiecesRows_PlusTheBias_AndZeroWithoutPieces()
    {
        var model = Tiny();
        var vector = new float[2];

        model.WordVector([0, 2], vector);
        Assert.Equal([(1f + 5f) / 2 + 0.5f, (2f + 6f) / 2 - 0.5f], vector);

        model.WordVector([], vector);
        Assert.Equal([0f, 0f], vector);
    }

    [Fact]
    public void Classify_RunsTheLayers_WithReLUBetweenThem_AndGivesTheLikeliestClass()
    {
        var model = Tiny();
        var windows = new float[2 * model.WindowWidth];
        windows[0] = 1f; // the first slot's first dimension drives the hidden unit, whose positive value favours class 1
        windows[model.WindowWidth] = -1f; // ReLU cuts the hidden unit to zero: the classes' biases decide
        var (tags, probabilities) = (new int[2], new float[2]);

        model.Classify(windows, 2, tags, probabilities);

        Assert.Equal([1, 0], tags);
        Assert.Equal(MathF.Exp(3f) / (MathF.Exp(3f) + MathF.Exp(0.1f)), probabilities[0], 5);
        Assert.Equal(MathF.Exp(0.1f) / (MathF.Exp(0f) + MathF.Exp(0.1f)), probabilities[1], 5);
    }

    [Fact]
    public void TheShippedModel_SurvivesSavingAndLoading_AndCoversMiniLmsVocabulary()
    {
        var shipped = WordWindowModel.LoadShipped();
        Assert.NotNull(shipped);
        using var buffer = new MemoryStream();
        shipped.Save(buffer);
        buffer.Position = 0;
        var loaded = WordWindowModel.Load(buffer);

        var vocabularyLines = System.Text.Encoding.UTF8.GetString(Embeddings.MiniLmFiles.Read().Vocabulary).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(vocabularyLines, shipped.Vocabulary);
        var windows = Enumerable.Range(0, 3 * shipped.WindowWidth).Select(i => MathF.Sin(i)).ToArray();
        float[] Probabilities(WordWindowModel m)
        {
            var probabilities = new float[3];
            m.Classify(windows, 3, new int[3], probabilities);
            return probabilities;
        }

        Assert.Equal(Probabilities(shipped), Probabilities(loaded));
    }

    [Fact]
    public void NotAModelFile_IsRefused()
    {
        using var buffer = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Throws<InvalidDataException>(() => WordWindowModel.Load(buffer));
    }

    [Fact]
    public void AWordUnknownToTheVocabulary_BreaksIntoSeveralPieces_AndACommonOneIntoOne()
    {
        Span<int> pieces = stackalloc int[WordPieces.MaxPiecesPerWord];

        Assert.Equal(1, WordPieces.Shared.Of("house", pieces));
        Assert.True(WordPieces.Shared.Of("Velkaro", pieces) > 1);
    }

    [Theory]
    [InlineData("house")]
    [InlineData("House")]
    [InlineData("HOUSE")]
    [InlineData("Paris")]
    [InlineData("2024")]
    [InlineData("Zoë")]
    [InlineData("O'Brien")]
    [InlineData("Velkaro")]
    [InlineData("naïve")]
    public void AWholeWordOfTheVocabulary_IsLookedUp_AsTheTokenizerWouldSplitIt(string word)
    {
        Span<int> fast = stackalloc int[WordPieces.MaxPiecesPerWord];
        Span<int> tokenized = stackalloc int[WordPieces.MaxPiecesPerWord];

        var count = WordPieces.Shared.Of(word, fast);

        Assert.Equal(tokenized[..WordPieces.Shared.ByTokenizer(word, tokenized)].ToArray(), fast[..count].ToArray());
    }

    [Fact]
    public void AWordsShape_SaysItsCase_AndThePunctuationBesideIt()
    {
        const string Text = "Sent to: Brelkan,\nNASA 42";
        var tokens = Tokens.Split(Text);
        var shape = new float[WordShape.Features];

        WordShape.Write(Text, tokens, 2, pieces: 3, lowerCaseText: false, shape); // "Brelkan"
        Assert.Equal([1f, 0f, 0f, 1f, 0f, 0.5f, 0f, 0f, 1f, 0f, 0f, 1f, 1f], shape); // after a colon: opens a sentence

        WordShape.Write(Text, tokens, 3, pieces: 1, lowerCaseText: false, shape); // "NASA", after ",\n"
        Assert.Equal(1f, shape[1]);
        Assert.Equal(1f, shape[6]);
        Assert.Equal(1f, shape[9]);
    }

    // Three pieces of two dimensions; one hidden unit reading the first slot's first dimension; two classes.
    private static WordWindowModel Tiny()
    {
        var inputs = WordWindowModel.Slots * (2 + WordShape.Features);
        var hiddenWeights = new float[inputs];
        hiddenWeights[0] = 2f;
        return new WordWindowModel(
            vocabulary: 3,
            dimension: 2,
            pieceTable: [1f, 2f, 3f, 4f, 5f, 6f],
            wordBias: [0.5f, -0.5f],
            layers:
            [
                new WordWindowModel.Layer(inputs, 1, hiddenWeights, [0f]),
                new WordWindowModel.Layer(1, 2, [0f, 1.5f], [0.1f, 0f]),
            ]);
    }
}
