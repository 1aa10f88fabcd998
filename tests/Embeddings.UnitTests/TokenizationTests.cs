using System.Text;

namespace SlmPlatform.Embeddings.UnitTests;

public sealed class TokenizationTests(ModelFixture fixture)
{
    private static readonly Lazy<string[]> Vocabulary = new(() =>
        Encoding.UTF8.GetString(EmbeddedMiniLm.Read().Vocabulary).Split('\n').Select(l => l.TrimEnd('\r')).ToArray());

    [Fact]
    public void Tokenize_Sentence_WrapsWordPiecesInClsAndSep()
    {
        var tokens = fixture.Model.Tokenize("Hello, World!");

        Assert.Equal(["[CLS]", "hello", ",", "world", "!", "[SEP]"], tokens.Select(Token));
    }

    [Theory]
    // BERT's BasicTokenizer splits on whitespace and on punctuation: ASCII punctuation ($ is) and Unicode P*
    // categories. € and £ are Sc (currency symbols), so "€1" stays one word and WordPiece cuts it greedily,
    // longest piece first: "€ ##1", "£2 ##0"; "$1" splits before WordPiece to "$ 1". The uncased model also strips
    // accents (NFD, drop Mn). The SentenceTransformers package's own tokenizer gets both wrong: "€1" → [UNK] and
    // "café" → "caf [UNK]" (measured), so on such texts its vectors are the ones that are off.
    [InlineData("€1", new[] { "€", "##1" })]
    [InlineData("£20", new[] { "£2", "##0" })]
    [InlineData("$1", new[] { "$", "1" })]
    [InlineData("Café naïve", new[] { "cafe", "naive" })]
    public void Tokenize_CurrencySymbol_FollowsBertBasicTokenizerRules(string text, string[] expected)
    {
        var tokens = fixture.Model.Tokenize(text);

        Assert.Equal(expected, tokens[1..^1].Select(Token));
    }

    [Fact]
    public void Tokenize_LongText_TruncatesAndEndsWithSep()
    {
        var tokens = fixture.Model.Tokenize(string.Join(' ', Enumerable.Repeat("card", 600)), maxTokens: 16);

        Assert.Equal(16, tokens.Length);
        Assert.Equal("[SEP]", Token(tokens[^1]));
    }

    private static string Token(long id) => Vocabulary.Value[id];
}
