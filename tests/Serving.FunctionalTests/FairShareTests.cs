namespace SlmPlatform.Serving.FunctionalTests;

/// <summary>
/// One tenant flooding serving gets answers up to its share and 429s beyond it (problem details, <c>Retry-After</c>),
/// while another tenant is answered at the same time.
/// </summary>
public sealed class FairShareTests(ServingFixture fixture) : IClassFixture<ServingFixture>
{
    private const int Flood = 48;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATenantFlooding_IsRefusedBeyondItsShare_WhileAnotherTenantIsAnswered()
    {
        using var a = fixture.OneAtATime.CreateClient(fixture.KeyA);
        using var b = fixture.OneAtATime.CreateClient(fixture.KeyB);

        var flood = Enumerable.Range(0, Flood).Select(_ => AskAsync(a, fixture.RouterA)).ToList();
        var other = AskAsync(b, fixture.RouterB);
        var answers = await Task.WhenAll(flood);
        using var others = await other;

        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal("1", refused[0].Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(Flood, answers.Count(r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, Model.SpecialistDescriptor model) =>
        client.PostAsJsonAsync("/v1/chat/completions", new { model = model.Name, messages = new[] { new { role = "user", content = "Has my card been sent yet?" } } }, Token);
}
