namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

public sealed class ClassTfIdfTests
{
    [Fact]
    public void TopTerms_PicksTheDistinguishingTermOverSharedOnes()
    {
        string[] documents =
        [
            "Please summarise the ticket for the customer",
            "Summarise this ticket, customer is waiting",
            "Can you summarise the customer ticket?",
            "Translate the customer reply into French",
            "Translate this customer email to German",
            "Please translate the reply for the customer",
            "random words nobody repeats",
        ];
        int[] labels = [0, 0, 0, 1, 1, 1, -1];

        var terms = ClassTfIdf.TopTerms(documents, labels, top: 3);

        Assert.Equal("summarise", terms[0][0].Term);
        Assert.Equal("translate", terms[1][0].Term);
        Assert.DoesNotContain(terms[0], t => t.Term is "the" or "please");
        Assert.False(terms.ContainsKey(-1));
        // "customer" is in every document of both clusters, so it weighs less than each cluster's own verb.
        Assert.True(terms[0].First(t => t.Term == "summarise").Weight > terms[0].FirstOrDefault(t => t.Term == "customer").Weight);
    }

    [Fact]
    public void Terms_LowercasesDropsStopWordsAndApostrophes()
    {
        Assert.Equal(["card", "hasnt", "arrived", "2nd", "time"], ClassTfIdf.Terms("My card hasn't arrived (2nd time)!"));
    }
}
