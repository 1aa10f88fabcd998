using SlmPlatform.Gateway.Capture;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// What the bus or PostgreSQL cannot carry never blocks the captures of every agent: nesting deeper than the payload
/// limit is refused with its reason, unstorable text is mapped in the capture (the teacher still sees the call as sent),
/// and a buffered capture the bus refuses for its content is quarantined, encrypted, while the rest go on.
/// </summary>
public sealed class UnstorableCaptureTests(QuarantineGatewayFixture fixture) : IClassFixture<QuarantineGatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(56)]
    [InlineData(62)]
    [InlineData(70)]
    public async Task RequestNestedDeeperThanTheLimit_Is400SayingSo_AndLaterCapturesArrive(int depth)
    {
        var marker = $"after deep {depth} {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();
        var metadata = new string('[', depth) + new string(']', depth);

        using var deep = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"deep"}],"metadata":{"x":{{{metadata}}}}}"""), Token);
        using var normal = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{marker}}}"}]}"""), Token);

        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        using var error = JsonDocument.Parse(await deep.Content.ReadAsStringAsync(Token));
        Assert.Contains($"nested deeper than {CallPayload.MaxDepth} levels", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        await fixture.CaptureOfAsync(marker);
    }

    [Fact]
    public async Task NulAndLoneSurrogate_ReachTheTeacherAsSentAndTheCaptureMapped()
    {
        var marker = $"unstorable {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{marker}}} a\u0000b \ud800"}]}"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = fixture.Upstream.Received.Last(r => r.Body.GetRawText().Contains(marker, StringComparison.Ordinal));
        Assert.Contains(@"a\u0000b \ud800", forwarded.Body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var capture = await fixture.CaptureOfAsync(marker);
        Assert.Equal($"{marker} a\uFFFDb \uFFFD", capture.GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task UpstreamAnsweringAnEmpty200_IsRelayedAsIs_AndCapturedWithTheReason()
    {
        var marker = $"empty answer {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"empty","messages":[{"role":"user","content":"{{{marker}}}"}]}"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Token));
        var capture = await fixture.CaptureOfAsync(marker);
        Assert.Equal("slm_gateway_capture", capture.GetProperty("response").GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task CaptureTheBusRefuses_IsQuarantinedEncrypted_AndTheCapturesBehindItArrive()
    {
        var marker = $"behind the quarantined one {Guid.NewGuid():N}";
        using var client = fixture.HttpClient();

        using var response = await client.PostAsync("/v1/chat/completions",
            Json($$$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{{marker}}}"}]}"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.CaptureOfAsync(marker);
        Assert.Empty(await fixture.Captured.WaitForAsync(QuarantineGatewayFixture.SeededMarker, 1, TimeSpan.FromMilliseconds(200), Token));
        var quarantined = Directory.GetFiles(Path.Combine(fixture.BufferPath, CaptureQuarantine.DirectoryName), "segment-*");
        Assert.NotEmpty(quarantined);
        Assert.True(quarantined.Sum(f => new FileInfo(f).Length) > 0);
        var onDisk = Directory.GetFiles(fixture.BufferPath, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes);
        Assert.DoesNotContain(onDisk, bytes => Encoding.UTF8.GetString(bytes).Contains(QuarantineGatewayFixture.SeededMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Gateway.Logs.Lines, line => line.Contains(QuarantineGatewayFixture.SeededMarker, StringComparison.Ordinal));
        Assert.Contains(fixture.Gateway.Logs.Lines, line => line.Contains("was quarantined", StringComparison.Ordinal));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

/// <summary>
/// A gateway whose buffer holds, from an earlier run, a capture nested so deeply that the bus's serializer refuses it
/// (an edge of an older version accepted it), ahead of everything the tests send.
/// </summary>
public sealed class QuarantineGatewayFixture : GatewayFixture
{
    public const string SeededMarker = "seeded-unpublishable-capture";

    public string BufferPath { get; private set; } = null!;

    protected override void SeedBuffer(string directory)
    {
        BufferPath = directory;
        // The record is 64 levels deep: readable from the buffer, one level too deep inside the message envelope.
        var nested = new string('[', 62) + new string(']', 62);
        var record = $$$"""
            {"tenant_id":"{{{TenantId}}}","call_id":"seeded","agent":"seeded-agent","workload":null,
             "started_at":"2026-01-01T00:00:00Z","latency_ms":1,"status":"success","captured_at":"2026-01-01T00:00:00Z",
             "request":{"messages":[{"role":"user","content":"{{{SeededMarker}}}"}],"metadata":{{{nested}}}},
             "response":{"choices":[]}}
            """;
        using var log = CaptureLog.Open(directory, BufferKey, 64 * 1024, 1L << 30);
        Assert.True(log.TryAppend(Encoding.UTF8.GetBytes(record)));
    }
}
