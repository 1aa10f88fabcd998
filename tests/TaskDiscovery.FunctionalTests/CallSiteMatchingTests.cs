namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class CallSiteMatchingTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static readonly string[] Customers = ["Maria Gonzalez", "John Smith", "Aiko Tanaka", "Pierre Dubois", "Olga Ivanova", "Kwame Mensah"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PromptsFromOneTemplate_AreOneCallSite_WhileOtherInstructionsStayApart()
    {
        var agent = $"templated-{Guid.NewGuid():N}";
        var records = Customers.Select((name, i) => Call($"{agent}-t{i}", agent,
            $"You are the banking assistant of {name}, a premium customer since 2019. Classify the customer's message and answer with JSON {{\"intent\": \"<label>\"}}.",
            "Where is my new card?")).ToList();
        records.Add(Call($"{agent}-other", agent,
            "Translate the user's message into French and answer with JSON {\"translation\": \"<text>\"}.",
            "Where is my new card?"));
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);

        // One by one, so that each new prompt meets the call sites already there.
        foreach (var record in records)
        {
            using var posted = await ingest.PostAsync("/v1/calls", new StringContent(record, Encoding.UTF8, "application/json"), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await fixture.WaitForTasksAsync(t => Mine(t, agent).Sum(x => x.GetProperty("calls").GetInt64()) >= records.IndexOf(record) + 1, TimeSpan.FromSeconds(30));
        }

        var tasks = Mine(await fixture.WaitForTasksAsync(_ => true, TimeSpan.Zero), agent).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.Equal([1L, Customers.Length], tasks.Select(t => t.GetProperty("calls").GetInt64()).Order());
        var announced = await fixture.Discovered.WaitForAsync(agent, 2, TimeSpan.FromSeconds(5), Token);
        Assert.Equal(2, announced.Select(m => m.MessageId).Distinct().Count());
    }

    private static IEnumerable<JsonElement> Mine(List<JsonElement> tasks, string agent) =>
        tasks.Where(t => t.GetProperty("agent").GetString() == agent);

    private static string Call(string id, string agent, string system, string user) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        request = new { model = "gpt-4o", messages = new[] { new { role = "system", content = system }, new { role = "user", content = user } } },
        response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"intent\": \"card_arrival\"}" } } } },
    });
}
