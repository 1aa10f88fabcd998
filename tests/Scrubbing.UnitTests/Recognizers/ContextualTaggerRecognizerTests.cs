using SlmPlatform.Scrubbing.Recognizers.Contextual;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

/// <summary>
/// The contextual tagger, with either model, finds names from the words around them, including names no list or rule
/// can know (made up here from syllables), and stays quiet on text without any.
/// </summary>
public sealed class ContextualTaggerRecognizerTests
{
    public static readonly TheoryData<ContextualTaggerModel> Models = [ContextualTaggerModel.WordWindow, ContextualTaggerModel.Encoder];

    public static readonly TheoryData<ContextualTaggerModel, string, string> MadeUpPeople = new()
    {
        { ContextualTaggerModel.WordWindow, "Please ask Velkaro Dunmesh to sign the form before Friday.", "Velkaro Dunmesh" },
        { ContextualTaggerModel.WordWindow, "Hi, this is Trenna Oskavel from accounts, calling about my refund.", "Trenna Oskavel" },
        { ContextualTaggerModel.Encoder, "Please ask Velkaro Dunmesh to sign the form before Friday.", "Velkaro Dunmesh" },
        { ContextualTaggerModel.Encoder, "Hi, this is Trenna Oskavel from accounts, calling about my refund.", "Trenna Oskavel" },
    };

    public static readonly TheoryData<ContextualTaggerModel, string> TextsWithoutNames = new()
    {
        { ContextualTaggerModel.WordWindow, "Can you summarise the attached report in three bullet points?" },
        { ContextualTaggerModel.WordWindow, "Return the result as JSON with the keys status and total." },
        { ContextualTaggerModel.WordWindow, "def parse(line): return line.split(',')" },
        { ContextualTaggerModel.Encoder, "Can you summarise the attached report in three bullet points?" },
        { ContextualTaggerModel.Encoder, "Return the result as JSON with the keys status and total." },
        { ContextualTaggerModel.Encoder, "def parse(line): return line.split(',')" },
    };

    [Theory]
    [MemberData(nameof(MadeUpPeople))]
    public void People_ItHasNeverSeen_AreFoundFromTheirContext(ContextualTaggerModel model, string text, string name)
    {
        var people = Found(new ContextualTaggerRecognizer(model: model), text, EntityTypes.Person);

        Assert.Contains(people, p => p.Contains(name, StringComparison.Ordinal) || name.Contains(p, StringComparison.Ordinal) && p.Length > 3);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void WhatTheOtherRecognizersCovered_IsNotReadAgain(ContextualTaggerModel model)
    {
        const string Text = "Please ask Velkaro Dunmesh to sign the form before Friday.";
        var tagger = new ContextualTaggerRecognizer(model: model);
        var covered = new EntityMatch(EntityTypes.Person, Text.IndexOf("Velkaro", StringComparison.Ordinal), "Velkaro Dunmesh".Length, 0.9);

        Assert.NotEmpty(tagger.Recognize(Text, []));
        Assert.Empty(tagger.Recognize(Text, [covered]));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void TheWholePipeline_WithTheTagger_MasksAMadeUpName(ContextualTaggerModel model)
    {
        const string Text = "My landlord, Brelkan Voutra, has not returned the deposit.";

        var withTagger = DefaultRecognizers.CreateScrubber(contextualTagger: true, model).Scrub(Text).Text;

        Assert.DoesNotContain("Voutra", withTagger, StringComparison.Ordinal);
        Assert.DoesNotContain("Brelkan", withTagger, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TextsWithoutNames))]
    public void TextWithoutNames_HasNothingFound(ContextualTaggerModel model, string text)
    {
        var found = new ContextualTaggerRecognizer(model: model).Recognize(text);

        Assert.Empty(found.Select(m => $"{m.EntityType}: {text.Substring(m.Start, m.Length)} ({m.Score:0.00})"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Switched_Off_ItFindsNothing(ContextualTaggerModel model)
    {
        Assert.Empty(new ContextualTaggerRecognizer(enabled: false, model).Recognize("Please ask Velkaro Dunmesh to sign the form."));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ThePlaceholdersOfAnEarlierScrub_AreNeverTaggedAgain(ContextualTaggerModel model)
    {
        const string Text = "Please request our need for lot <CREDENTIAL> refund, then ask <PERSON_2> of <ORGANIZATION> in <LOCATION>.";
        var placeholders = System.Text.RegularExpressions.Regex.Matches(Text, "<[A-Z_0-9]+>");

        var found = new ContextualTaggerRecognizer(model: model).Recognize(Text);

        Assert.DoesNotContain(found, m => placeholders.Any(p => m.Start < p.Index + p.Length && p.Index < m.End));
    }

    [Fact]
    public void AModelItDoesNotKnow_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContextualTaggerRecognizer(model: (ContextualTaggerModel)7));
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

    private static List<string> Found(ContextualTaggerRecognizer tagger, string text, string type) =>
        [.. tagger.Recognize(text).Where(m => m.EntityType == type).Select(m => text.Substring(m.Start, m.Length))];
}
