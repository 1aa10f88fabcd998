namespace SlmPlatform.Embeddings.UnitTests;

/// <summary>
/// Contextual vectors of pre-split words, what the scrubber's contextual tagger reads: one per word, the same word
/// read differently in different company, and every word of a text longer than the model's window covered.
/// </summary>
public sealed class WordStatesTests(ModelFixture fixture)
{
    [Fact]
    public void AWord_IsReadInItsContext_AndTheSameTextGivesTheSameStates()
    {
        var person = States(["I", "met", "Jordan", "at", "lunch"]);
        var place = States(["We", "flew", "to", "Jordan", "in", "May"]);
        var again = States(["I", "met", "Jordan", "at", "lunch"]);

        Assert.True(ModelFixture.Cosine(Row(person, 2), Row(place, 3)) < 0.95f, "the word's state does not depend on its context");
        Assert.Equal(person, again);
    }

    [Fact]
    public void ATextLongerThanTheWindow_HasEveryWordRead_WithContextOnBothSidesOfEachWindowsEdge()
    {
        var words = Enumerable.Range(0, 300).Select(i => i % 10 == 0 ? "." : $"word{i % 7}").ToList();

        var windowed = States(words, windowTokens: 32);

        Assert.All(Enumerable.Range(0, words.Count), w => Assert.True(Row(windowed, w).ToArray().Any(v => v != 0), $"word {w} has no state"));

        // A word far from any window's edge is read as it would be in a window of its own neighbourhood.
        var neighbourhood = words.Skip(150).Take(12).ToList();
        var alone = States(neighbourhood, windowTokens: 32);
        Assert.True(ModelFixture.Cosine(Row(windowed, 155), Row(alone, 5)) > 0.8f);
    }

    [Fact]
    public void TheDestination_MustHoldAStateForEveryWord()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Model.WordStates(["two", "words"], new float[fixture.Model.Dimensions]));
    }

    private float[] States(List<string> words, int windowTokens = 128)
    {
        var states = new float[words.Count * fixture.Model.Dimensions];
        fixture.Model.WordStates(words, states, windowTokens);
        return states;
    }

    private ReadOnlySpan<float> Row(float[] states, int word) => states.AsSpan(word * fixture.Model.Dimensions, fixture.Model.Dimensions);
}
