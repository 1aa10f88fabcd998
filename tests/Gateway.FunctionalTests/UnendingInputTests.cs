using System.Globalization;
using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// Input that never ends, from either side, costs the gateway a bounded amount of memory and time: an agent's endless
/// or dripping body is refused (413, or 408 by Kestrel's minimum data rate; or the connection is closed under it), an upstream's endless line ends the call
/// once it outgrows <c>Gateway:MaxResponseBytes</c>, and an endless stream of whole events is still relayed.
/// </summary>
public sealed class UnendingInputTests(UnendingInputGatewayFixture fixture) : IClassFixture<UnendingInputGatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEndlessRequestBody_IsRefusedAtTheLimit_AndTheGatewayGoesOn()
    {
        using var client = fixture.Kestrel.CreateSocketClient(fixture.ApiKey);

        var (answered, took) = await UnendingContent.SendAsync(
            client, "/v1/chat/completions", UnendingContent.Endless("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":" """), Token);
        using var next = await client.PostAsync("/v1/chat/completions", Json("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"after the endless body"}]}"""), Token);

        Assert.True(answered is null or HttpStatusCode.RequestEntityTooLarge, $"answered {answered}");
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ADrippingRequestBody_IsCutOffWithinSeconds_AndTheGatewayGoesOn()
    {
        using var client = fixture.Kestrel.CreateSocketClient(fixture.ApiKey);

        var (answered, took) = await UnendingContent.SendAsync(
            client, "/v1/chat/completions", UnendingContent.Dripping("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":" """, TimeSpan.FromMilliseconds(500)), Token);
        using var next = await client.PostAsync("/v1/chat/completions", Json("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"after the dripping body"}]}"""), Token);

        Assert.True(answered is null or HttpStatusCode.RequestTimeout, $"answered {answered}");
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task AnUpstreamLineThatNeverEnds_EndsTheCallOnceOverTheLimit_NotAtTheUpstreamTimeout()
    {
        using var client = fixture.HttpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(TimeSpan.FromSeconds(30));

        var ended = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.PostAsync("/v1/chat/completions",
                Json("""{"model":"endless-line","stream":true,"messages":[{"role":"user","content":"an endless line"}]}"""),
                limit.Token);
            await response.Content.ReadAsByteArrayAsync(limit.Token);
        });

        Assert.False(limit.IsCancellationRequested, "the call ran until the test gave up: the gateway held the endless line");
        Assert.NotNull(ended);
        Assert.Contains(fixture.Gateway.Logs.Lines, line => line.Contains("sent an event longer than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndlessStreamOfWholeEvents_IsRelayedPastTheCaptureLimit()
    {
        using var client = fixture.HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = Json("""{"model":"endless-stream","stream":true,"messages":[{"role":"user","content":"an endless stream"}]}"""),
        };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        await using var events = await response.Content.ReadAsStreamAsync(Token);
        var buffer = new byte[64 * 1024];
        long relayed = 0;
        while (relayed < 3 * UnendingInputGatewayFixture.MaxResponseBytes)
        {
            var read = await events.ReadAsync(buffer, Token);
            Assert.True(read > 0, $"the stream ended after {relayed} bytes");
            relayed += read;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

/// <summary>The gateway with a small answer limit, in-process and on real Kestrel (whose data-rate limits only it enforces).</summary>
public sealed class UnendingInputGatewayFixture : GatewayFixture
{
    public const int MaxResponseBytes = 1024 * 1024;

    private ServiceFactory<UpstreamRelay>? _kestrel;

    public ServiceFactory<UpstreamRelay> Kestrel => _kestrel ??= StartOnKestrel();

    protected override Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["Gateway:MaxResponseBytes"] = MaxResponseBytes.ToString(CultureInfo.InvariantCulture),
            ["Gateway:MaxRequestBytes"] = (256 * 1024).ToString(CultureInfo.InvariantCulture),
        });

    private ServiceFactory<UpstreamRelay> StartOnKestrel()
    {
        var gateway = new ServiceFactory<UpstreamRelay>(Settings);
        gateway.UseKestrel(0);
        gateway.StartServer();
        return gateway;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
