using System.Text.Json;
using SlmPlatform.Console.Infrastructure;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class CallTextTests
{
    [Fact]
    public void TheLastUserMessagesStandIns_AreMarked_ThoseOfOtherValuesAreNot()
    {
        var call = Call(
            new { messages = new object[] { new { role = "user", content = "old question from Ana" }, new { role = "user", content = "Mail tom.berg@example.org today" } } },
            new StandIn(StandIn.Request, "$.messages[0].content", "PERSON", 18, 3),
            new StandIn(StandIn.Request, "$.messages[1].content", "EMAIL_ADDRESS", 5, 20),
            new StandIn(StandIn.Response, "$.messages[1].content", "PERSON", 0, 4));

        var excerpt = CallText.LastUserMessage(call);

        Assert.Equal("Mail tom.berg@example.org today", excerpt.Text);
        var mark = Assert.Single(excerpt.Marks);
        Assert.Equal(("EMAIL_ADDRESS", "tom.berg@example.org"), (mark.EntityType, excerpt.Text.Substring(mark.Start, mark.Length)));
    }

    [Fact]
    public void TextParts_AreJoined_AndEachPartsStandInsMovedToWhereThePartStarts()
    {
        var call = Call(
            new { messages = new[] { new { role = "user", content = new object[] { new { type = "text", text = "I am Lea" }, new { type = "image_url" }, new { type = "text", text = "card 4000 0000 0000 0002" } } } } },
            new StandIn(StandIn.Request, "$.messages[0].content[0].text", "PERSON", 5, 3),
            new StandIn(StandIn.Request, "$.messages[0].content[2].text", "CREDIT_CARD", 5, 19));

        var excerpt = CallText.LastUserMessage(call);

        Assert.Equal("I am Lea card 4000 0000 0000 0002", excerpt.Text);
        Assert.Equal(["Lea", "4000 0000 0000 0002"], excerpt.Marks.Select(m => excerpt.Text.Substring(m.Start, m.Length)));
    }

    [Fact]
    public void ALongMessage_IsCut_AndAStandInTheCutGoesThroughIsMarkedUpToIt()
    {
        var text = new string('x', 235) + " Jonathan Smithers";
        var call = Call(new { messages = new[] { new { role = "user", content = text } } }, new StandIn(StandIn.Request, "$.messages[0].content", "PERSON", 236, 17));

        var excerpt = CallText.LastUserMessage(call);

        Assert.EndsWith("…", excerpt.Text, StringComparison.Ordinal);
        var mark = Assert.Single(excerpt.Marks);
        Assert.Equal("Jona", excerpt.Text.Substring(mark.Start, mark.Length));
    }

    private static StoredCall Call(object request, params StandIn[] standIns) => new(
        "c1", "support-bot", null, DateTimeOffset.UnixEpoch, null, "success", "gateway", JsonSerializer.SerializeToElement(request),
        JsonSerializer.SerializeToElement(new { }), new Dictionary<string, int>(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, standIns);
}
