using System.Net.Http.Json;
using System.Text.Json;

namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// Every case of <see cref="BadInputCorpus"/> is refused with a 4xx and leaves its service healthy; after the whole
/// corpus, nothing the tenant owns was stored or published.
/// </summary>
public sealed class BadInputTests(PlatformUnderTest platform) : IClassFixture<PlatformUnderTest>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases() => [.. BadInputCorpus.All.Select(c => c.Name)];

    [Fact]
    public void TheCorpus_HasAtLeastAHundredCases_OverEveryService()
    {
        Assert.True(BadInputCorpus.All.Count >= 100, $"{BadInputCorpus.All.Count} cases.");
        Assert.Equal(PlatformUnderTest.Services.Order(), BadInputCorpus.All.Select(c => c.Service).Distinct().Order());
        Assert.Equal(BadInputCorpus.All.Count, BadInputCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadRequest_IsRefusedWithA4xx_AndTheServiceStaysHealthy(string name)
    {
        var input = BadInputCorpus.All.Single(c => c.Name == name);

        var status = await SendAsync(input);

        Assert.True(status is >= 400 and < 500, $"{name}: answered {status}.");
        Assert.True(await platform.IsHealthyAsync(input.Service), $"{input.Service} is unhealthy after '{name}'.");
    }

    [Fact]
    public async Task AfterTheWholeCorpus_NothingWasStoredOrPublished()
    {
        foreach (var input in BadInputCorpus.All)
        {
            await SendAsync(input);
        }

        // A published capture or call would land within a second or two; give them the time to.
        await Task.Delay(TimeSpan.FromSeconds(2), Token);
        var stored = await platform.StoredAsync();
        Assert.All(stored, pair => Assert.True(pair.Value == 0, $"{pair.Value} {pair.Key} after the corpus."));
    }

    /// <summary>
    /// One error shape on every service: problem details whose status is the response's, with a title and the trace id
    /// under one name (the issue found <c>traceId</c> in one service and <c>trace_id</c> in the others).
    /// </summary>
    [Fact]
    public async Task EveryRefusal_IsProblemDetails_WithItsStatusTitleAndTraceId()
    {
        var odd = new List<string>();
        foreach (var input in BadInputCorpus.All)
        {
            using var client = platform.Client(input.Service);
            using var request = input.ToRequest(platform.ApiKey);
            using var response = await client.SendAsync(request, Token);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<JsonElement>(Token)
                : default;
            if (problem.ValueKind != JsonValueKind.Object
                || !problem.TryGetProperty("status", out var status) || status.GetInt32() != (int)response.StatusCode
                || !problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())
                || !problem.TryGetProperty("trace_id", out var trace) || string.IsNullOrWhiteSpace(trace.GetString())
                || problem.TryGetProperty("traceId", out _))
            {
                odd.Add($"{input.Name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.True(odd.Count == 0, string.Join('\n', odd));
    }

    private async Task<int> SendAsync(BadInput input)
    {
        using var client = platform.Client(input.Service);
        using var request = input.ToRequest(platform.ApiKey);
        using var response = await client.SendAsync(request, Token);
        return (int)response.StatusCode;
    }
}
