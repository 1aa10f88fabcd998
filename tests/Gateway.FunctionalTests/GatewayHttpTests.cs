namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The gateway on the wire: headers, stream framing, identification and secrets.</summary>
public sealed class GatewayHttpTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimitedUpstream_StatusHeadersAndBodyPassThroughUnchanged()
    {
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"rate-limited","messages":[{"role":"user","content":"hi"}]}"""), Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.Contains("x-request-id"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("rate_limit_exceeded", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task StreamWithoutUsageRequested_ClientSeesNoUsageEventButTheCaptureHasUsage()
    {
        var prompt = $"count tokens {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"{{{prompt}}}"}]}"""), Token);
        var events = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("total_tokens", events, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", events, StringComparison.Ordinal);
        var forwarded = fixture.Upstream.Received.Last(r => r.Body.GetRawText().Contains(prompt, StringComparison.Ordinal));
        Assert.True(forwarded.Body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        var capture = await fixture.CaptureOfAsync(prompt);
        Assert.Equal(30, capture.GetProperty("response").GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.False(capture.GetProperty("request").TryGetProperty("stream_options", out _));
    }

    [Fact]
    public async Task AgentAndWorkload_ComeFromHeadersOrElseTheRequestMetadata()
    {
        var byHeader = $"by header {Guid.NewGuid():N}";
        var byMetadata = $"by metadata {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();
        using var withHeaders = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{byHeader}}}"}],"metadata":{"agent":"ignored"}}"""),
        };
        withHeaders.Headers.Add("X-Slm-Agent", "router-agent");
        withHeaders.Headers.Add("X-Slm-Workload", "route-intent");

        using var first = await client.SendAsync(withHeaders, Token);
        using var second = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{byMetadata}}}"}],"metadata":{"agent":"sql-agent","workload":"write-sql"}}"""), Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var headerCapture = await fixture.CaptureOfAsync(byHeader);
        Assert.Equal("router-agent", headerCapture.GetProperty("agent").GetString());
        Assert.Equal("route-intent", headerCapture.GetProperty("workload").GetString());
        var metadataCapture = await fixture.CaptureOfAsync(byMetadata);
        Assert.Equal("sql-agent", metadataCapture.GetProperty("agent").GetString());
        Assert.Equal("write-sql", metadataCapture.GetProperty("workload").GetString());
    }

    [Fact]
    public async Task UpstreamKey_ReachesTheUpstreamOnlyAndNeverACaptureOrALog()
    {
        var prompt = $"secret check {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions", Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{prompt}}}"}]}"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = fixture.Upstream.Received.Last(r => r.Body.GetRawText().Contains(prompt, StringComparison.Ordinal));
        Assert.Equal($"Bearer {ScriptedUpstream.ApiKey}", forwarded.Authorization);
        var capture = (await fixture.CaptureOfAsync(prompt)).GetRawText();
        Assert.DoesNotContain(ScriptedUpstream.ApiKey, capture, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.ApiKey, capture, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Gateway.Logs.Lines, line => line.Contains(ScriptedUpstream.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientGivingUp_CancelsTheUpstreamCall()
    {
        // On real Kestrel: a closed connection is what a client giving up looks like to a server.
        await using var gateway = new ServiceFactory<SlmPlatform.Gateway.Infrastructure.UpstreamRelay>(fixture.Settings);
        gateway.UseKestrel(0);
        gateway.StartServer();
        using var client = gateway.CreateClient(fixture.ApiKey);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var marker = Guid.NewGuid().ToString("N");
        var abandonedBefore = fixture.Upstream.Abandoned;

        var call = client.PostAsync("/v1/chat/completions", Json($$$"""{"model":"slow","messages":[{"role":"user","content":"{{{marker}}}"}]}"""), giveUp.Token);
        await WaitUntilAsync(() => fixture.Upstream.Received.Any(r => r.Body.GetRawText().Contains(marker, StringComparison.Ordinal)));
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await WaitUntilAsync(() => fixture.Upstream.Abandoned > abandonedBefore);
        Assert.Equal(abandonedBefore + 1, fixture.Upstream.Abandoned);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Token);
        }
    }

    [Fact]
    public async Task Models_AreTheUpstreams()
    {
        using var client = fixture.HttpClient();

        using var models = JsonDocument.Parse(await client.GetStringAsync("/v1/models", Token));

        Assert.Equal("gpt-4o-mini", models.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("slm_unknown")]
    public async Task WithoutAValidKey_Returns401(string? key)
    {
        using var client = fixture.Gateway.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"gpt-4o-mini","messages":[]}"""), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MalformedBody_Returns400WithAnOpenAiStyleError()
    {
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions", Json("{\"model\": "), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnUnreachableUpstream_Is502NamingTheUpstreamAndItsSetting_NeverItsCredentials()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = new Dictionary<string, string>(fixture.Settings) { ["Gateway:Upstream:BaseUrl"] = $"http://someone:hunter2@127.0.0.1:{closedPort}/v1?token=abc" };
        await using var gateway = new ServiceFactory<SlmPlatform.Gateway.Infrastructure.UpstreamRelay>(settings);
        using var client = gateway.CreateClient(fixture.ApiKey);

        using var response = await client.PostAsync("/v1/chat/completions", Json("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"http://127.0.0.1:{closedPort}/v1", detail, StringComparison.Ordinal);
        Assert.Contains("Gateway:Upstream:BaseUrl", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsWithoutAKey_LogNothing_WhileProtectedEndpointsStillSayWhatIsMissing()
    {
        using var anonymous = fixture.Gateway.CreateClient();
        var logged = fixture.Gateway.Logs.Lines.Count;

        for (var probe = 0; probe < 5; probe++)
        {
            using var health = await anonymous.GetAsync("/health", Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var refused = await anonymous.PostAsync("/v1/chat/completions", Json("{\"model\":\"gpt-4o-mini\",\"messages\":[]}"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Authorization header is missing", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        // A wrong key is an attempt and is logged (another test sends one); no key at all is not.
        Assert.DoesNotContain(fixture.Gateway.Logs.Lines.Skip(logged), l => l.Contains("was not authenticated", StringComparison.Ordinal));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
