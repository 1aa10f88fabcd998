using SlmPlatform.Scrubbing.Recognizers.Contextual;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

/// <summary>
/// The contextual tagger finds names from the words around them, including names no list or rule can know (made up
/// here from syllables), and stays quiet on text without any.
/// </summary>
public sealed class ContextualTaggerRecognizerTests
{
    private readonly ContextualTaggerRecognizer _tagger = new();

    [Theory]
    [InlineData("Please ask Velkaro Dunmesh to sign the form before Friday.", "Velkaro Dunmesh")]
    [InlineData("Hi, this is Trenna Oskavel from accounts, calling about my refund.", "Trenna Oskavel")]
    public void People_ItHasNeverSeen_AreFoundFromTheirContext(string text, string name)
    {
        var people = Found(text, EntityTypes.Person);

        Assert.Contains(people, p => p.Contains(name, StringComparison.Ordinal) || name.Contains(p, StringComparison.Ordinal) && p.Length > 3);
    }

    [Fact]
    public void WhatTheOtherRecognizersCovered_IsNotReadAgain()
    {
        const string Text = "Please ask Velkaro Dunmesh to sign the form before Friday.";
        var covered = new EntityMatch(EntityTypes.Person, Text.IndexOf("Velkaro", StringComparison.Ordinal), "Velkaro Dunmesh".Length, 0.9);

        Assert.NotEmpty(_tagger.Recognize(Text, []));
        Assert.Empty(_tagger.Recognize(Text, [covered]));
    }

    [Fact]
    public void TheWholePipeline_MasksAMadeUpName_ThatTheRulesAndListsLeave()
    {
        const string Text = "My landlord, Brelkan Voutra, has not returned the deposit.";

        var withTagger = DefaultRecognizers.CreateScrubber(contextualTagger: true).Scrub(Text).Text;

        Assert.DoesNotContain("Voutra", withTagger, StringComparison.Ordinal);
        Assert.DoesNotContain("Brelkan", withTagger, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can you summarise the attached report in three bullet points?")]
    [InlineData("Return the result as JSON with the keys status and total.")]
    [InlineData("def parse(line): return line.split(',')")]
    public void TextWithoutNames_HasNothingFound(string text)
    {
        Assert.Empty(_tagger.Recognize(text).Select(m => $"{m.EntityType}: {text.Substring(m.Start, m.Length)} ({m.Score:0.00})"));
    }

    [Fact]
    public void Switched_Off_ItFindsNothing()
    {
        Assert.Empty(new ContextualTaggerRecognizer(enabled: false).Recognize("Please ask Velkaro Dunmesh to sign the form."));
    }

    [Fact]
    public void TheShippedHead_SurvivesSavingAndLoading_AndFitsTheEncoder()
    {
        var head = ContextualHead.LoadShipped();
        Assert.NotNull(head);
        using var buffer = new MemoryStream();
        head.Save(buffer);
        buffer.Position = 0;
        var loaded = ContextualHead.Load(buffer);

        Assert.Equal(ContextualFeatures.Width(ContextualModels.Encoder.Dimensions), head.Width);
        var row = Enumerable.Range(0, head.Width).Select(i => MathF.Sin(i)).ToArray();
        float[] Probabilities(ContextualHead h)
        {
            var p = new float[h.Classes];
            h.Predict(row, new float[h.Hidden], p);
            return p;
        }

        Assert.Equal(Probabilities(head), Probabilities(loaded));
        Assert.Equal(1f, Probabilities(head).Sum(), 3);
    }

    private List<string> Found(string text, string type) =>
        [.. _tagger.Recognize(text).Where(m => m.EntityType == type).Select(m => text.Substring(m.Start, m.Length))];
}
