namespace SlmPlatform.Specialists.Generative.UnitTests;

public sealed class SpecialistTokenizerTests
{
    private static readonly string[] Corpus = ["I am still waiting on my card?", "{\"intent\": \"card_arrival\"}", "How do I top up my card?"];

    [Theory]
    [InlineData(TokenizerKind.Character)]
    [InlineData(TokenizerKind.Word)]
    public void Decode_OfEncode_GivesTheTextBack(TokenizerKind kind)
    {
        var tokenizer = SpecialistTokenizer.Train(Corpus, kind);
        string[] texts = [.. Corpus, "Unseen: Zürich €12 — 😀 tab\tand  two spaces", ""];

        foreach (var text in texts)
        {
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        }
    }

    [Fact]
    public void Encode_UnseenCharacters_FallBackToUtf8Bytes()
    {
        var tokenizer = SpecialistTokenizer.Train(["abc"], TokenizerKind.Character);

        var ids = tokenizer.Encode("a€");

        Assert.Equal(4, ids.Count); // 'a' plus the three UTF-8 bytes of '€'
        Assert.All(ids.Skip(1), id => Assert.InRange(id, SpecialistTokenizer.FirstByte, SpecialistTokenizer.FirstPiece - 1));
    }

    [Fact]
    public void Encode_WordKind_UsesOneTokenForAFrequentWordWithItsSpace()
    {
        var tokenizer = SpecialistTokenizer.Train(Corpus, TokenizerKind.Word);

        var words = tokenizer.Encode(" card");
        var characters = SpecialistTokenizer.Train(Corpus, TokenizerKind.Character).Encode(" card");

        Assert.Single(words);
        Assert.Equal(5, characters.Count);
    }
}
