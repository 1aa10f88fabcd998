namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class TextScrubberTests
{
    private readonly TextScrubber _scrubber = DefaultRecognizers.CreateScrubber();

    [Fact]
    public void Scrub_SeveralEntities_ReplacesEachWithItsPlaceholder()
    {
        const string text = "Jane (jane@example.com, +44 20 7946 0958) paid with 4111 1111 1111 1111 from 10.0.0.1; SSN 219-09-9999.";

        var result = _scrubber.Scrub(text);

        Assert.Equal(
            "<PERSON> (<EMAIL_ADDRESS>, <PHONE_NUMBER>) paid with <CREDIT_CARD> from <IP_ADDRESS>; SSN <US_SSN>.",
            result.Text);
    }

    [Fact]
    public void Scrub_SeveralEntities_ReportsOffsetsInOriginalText()
    {
        const string text = "a@example.com then DE89370400440532013000 then sk-abcdefghijklmnopqrstuvwxyz";

        var result = _scrubber.Scrub(text);

        Assert.Equal(
            [
                (EntityTypes.EmailAddress, "a@example.com"),
                (EntityTypes.IbanCode, "DE89370400440532013000"),
                (EntityTypes.Credential, "sk-abcdefghijklmnopqrstuvwxyz"),
            ],
            result.Entities.Select(e => (e.EntityType, text.Substring(e.Start, e.Length))));
    }

    [Fact]
    public void Scrub_DottedQuadAlsoReadAsPhone_IsLabelledIpAddress()
    {
        Assert.Equal("host <IP_ADDRESS> is up", _scrubber.Scrub("host 36.160.14.148 is up").Text);
    }

    [Fact]
    public void Scrub_NoEntities_ReturnsSameText()
    {
        const string text = "Summarise this article about version 1.2.3.4.5 in 200 words.";

        var result = _scrubber.Scrub(text);

        Assert.Same(text, result.Text);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Scrub_EmptyText_ReturnsEmpty()
    {
        var result = _scrubber.Scrub(string.Empty);

        Assert.Equal(string.Empty, result.Text);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Scrub_OverlappingMatches_ReplacesMergedSpanOnce()
    {
        var scrubber = new TextScrubber(
            [
                new FakeRecognizer(new EntityMatch("A", 0, 4, 1.0), new EntityMatch("A", 10, 2, 1.0)),
                new FakeRecognizer(new EntityMatch("B", 2, 5, 0.5)),
            ],
            new TypedPlaceholderOperator());

        var result = scrubber.Scrub("0123456789AB!");

        Assert.Equal("<B>789<A>!", result.Text);
    }

    [Fact]
    public void Scrub_CustomOperator_ReceivesOriginalValue()
    {
        var scrubber = new TextScrubber([new EmailRecognizer()], new RecordingOperator());

        var result = scrubber.Scrub("x a@example.com y b@example.org");

        Assert.Equal("x [a@example.com] y [b@example.org]", result.Text);
    }

    [Fact]
    public void Scrub_RecognizerReturnsSpanOutsideText_Throws()
    {
        var scrubber = new TextScrubber([new FakeRecognizer(new EntityMatch("A", 3, 10, 1.0))], new TypedPlaceholderOperator());

        Assert.Throws<InvalidOperationException>(() => scrubber.Scrub("short"));
    }

    [Fact]
    public void Scrub_ASecondPassRecognizer_SeesWhatTheOthersFound_AndAddsItsOwn()
    {
        // Listed first, it still runs last: it must see the e-mail the first pass found.
        var secondPass = new SecondPassRecognizer(new EntityMatch("B", 0, 1, 1.0));
        var scrubber = new TextScrubber([secondPass, new EmailRecognizer()], new TypedPlaceholderOperator());

        var result = scrubber.Scrub("x a@example.com");

        Assert.Equal([(EntityTypes.EmailAddress, 2, 13)], secondPass.Seen.Select(m => (m.EntityType, m.Start, m.Length)));
        Assert.Equal("<B> <EMAIL_ADDRESS>", result.Text);
    }

    private sealed class SecondPassRecognizer(EntityMatch own) : ISecondPassRecognizer
    {
        public List<EntityMatch> Seen { get; } = [];

        public IEnumerable<EntityMatch> Recognize(string text) => Recognize(text, []);

        public IEnumerable<EntityMatch> Recognize(string text, IReadOnlyList<EntityMatch> found)
        {
            Seen.AddRange(found);
            return [own];
        }
    }

    private sealed class RecordingOperator : IReplacementOperator
    {
        public string Replace(EntityMatch match, string originalValue) => $"[{originalValue}]";
    }
}
