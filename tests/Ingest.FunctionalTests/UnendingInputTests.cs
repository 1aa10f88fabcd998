using System.Globalization;

namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>
/// On real Kestrel, as deployed: a body that never ends is refused at the endpoint's limit (413, or the connection
/// closed under it), one that drips is cut off by Kestrel's minimum data rate within seconds, nothing is published, and ingest goes on accepting calls.
/// </summary>
public sealed class UnendingInputTests : IAsyncLifetime
{
    private const string Opening = """{"agent":"unending","request":{"messages":[{"role":"user","content":" """;

    private IngestFactory _ingest = null!;
    private string _apiKey = null!;
    private CapturingQueue _captured = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var messaging = await TestVirtualHost.CreateAsync(Token);
        _captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), Token);
        (_ingest, _apiKey) = await IngestFactory.StartAsync(messaging, Token, ("Ingest:MaxCallBytes", (64 * 1024).ToString(CultureInfo.InvariantCulture)));
        _ingest.UseKestrel(0);
        _ingest.StartServer();
    }

    [Theory]
    [InlineData("/v1/calls")]
    [InlineData("/v1/calls/batch")]
    [InlineData("/v1/traces")]
    public async Task AnEndlessBody_IsRefusedAtTheLimit_NothingIsPublished_AndIngestGoesOn(string path)
    {
        using var client = _ingest.CreateSocketClient(_apiKey);

        var (answered, took) = await UnendingContent.SendAsync(client, path, UnendingContent.Endless(path == "/v1/calls/batch" ? "[" + Opening : Opening), Token);

        Assert.True(answered is null or HttpStatusCode.RequestEntityTooLarge, $"answered {answered}");
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        await AcceptsACallAsync(client);
        Assert.DoesNotContain(_captured.Received, m => m.Envelope.Contains("\"unending\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADrippingBody_IsCutOffWithinSeconds_NothingIsPublished_AndIngestGoesOn()
    {
        using var client = _ingest.CreateSocketClient(_apiKey);
        var (answered, took) = await UnendingContent.SendAsync(client, "/v1/calls", UnendingContent.Dripping(Opening, TimeSpan.FromMilliseconds(500)), Token);

        Assert.True(answered is null or HttpStatusCode.RequestTimeout, $"answered {answered}");
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        await AcceptsACallAsync(client);
        Assert.DoesNotContain(_captured.Received, m => m.Envelope.Contains("\"unending\"", StringComparison.Ordinal));
    }

    private static async Task AcceptsACallAsync(HttpClient client)
    {
        using var next = await client.PostAsync("/v1/calls", new StringContent(
            """{"agent":"after","request":{"messages":[{"role":"user","content":"hello"}]},"response":{"choices":[]}}""", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _captured.DisposeAsync();
    }
}
