using SlmPlatform.Gateway.Capture;
using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// A full disk under the capture buffer costs the captures it could not write, counted and named in the log, never
/// the agents' calls, the gateway's health or the buffer's order; once there is room again capture goes on.
/// </summary>
public sealed class FullDiskTests(FullDiskGatewayFixture fixture) : IClassFixture<FullDiskGatewayFixture>
{
    private const string Key = "full-disk-test-key";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentsCallsOnAFullDisk_AreAnswered_TheirCapturesDroppedAndNamed_AndCaptureResumesWithRoom()
    {
        var disk = fixture.Disk;
        if (disk is null)
        {
            Assert.Skip(SmallDisk.CannotMount);
        }

        using var client = fixture.HttpClient();
        var before = $"before the disk filled {Guid.NewGuid():N}";
        var during = $"while the disk was full {Guid.NewGuid():N}";
        var after = $"after the disk had room {Guid.NewGuid():N}";

        using var first = await ChatAsync(client, before);
        await fixture.CaptureOfAsync(before);
        disk.Fill();
        using var refused = await ChatAsync(client, during);
        var droppedCall = refused.Headers.GetValues(UpstreamRelay.CallIdHeader).Single();
        var named = await Eventually.ReadAsync(
            () => Task.FromResult(fixture.Gateway.Logs.Lines.Any(line => line.Contains("disk refused", StringComparison.Ordinal) && line.Contains(droppedCall, StringComparison.Ordinal))),
            found => found, TimeSpan.FromSeconds(10), Token);
        using var health = await fixture.Gateway.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), Token);
        disk.Free();
        using var last = await ChatAsync(client, after);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("choices", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.True(named, "the log names the call whose capture was dropped");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        await fixture.CaptureOfAsync(after);
        Assert.Empty(await fixture.Captured.WaitForAsync(during, 1, TimeSpan.FromMilliseconds(500), Token));
    }

    [Fact]
    public void CaptureLog_WhenTheDiskRefusesABatch_LosesThatBatchOnly_AndReadsBackWholeRecordsAcrossAReopen()
    {
        var disk = fixture.Disk;
        if (disk is null)
        {
            Assert.Skip(SmallDisk.CannotMount);
        }

        var directory = Directory.CreateDirectory(Path.Combine(disk.Path, "log-" + Guid.NewGuid().ToString("N"))).FullName;
        // Records larger than a page, so that each needs room of its own on the disk.
        byte[] Record(string text) => Encoding.UTF8.GetBytes(text + new string(' ', 9_000));

        AppendOutcome[] refused;
        using (var log = CaptureLog.Open(directory, Key, segmentBytes: 1 << 20, maxBytes: 1 << 24))
        {
            Assert.True(log.TryAppend(Record("kept")));
            disk.Fill();
            refused = log.Append([Record("lost 1"), Record("lost 2")]);
            disk.Free();
            Assert.True(log.TryAppend(Record("kept after")));
        }

        using var reopened = CaptureLog.Open(directory, Key, segmentBytes: 1 << 20, maxBytes: 1 << 24);

        Assert.Equal([AppendOutcome.Unwritable, AppendOutcome.Unwritable], refused);
        Assert.Equal(["kept", "kept after"], reopened.ReadPending(10).Select(r => Encoding.UTF8.GetString(r.Plaintext!).TrimEnd()));
    }

    private static Task<HttpResponseMessage> ChatAsync(HttpClient client, string content) =>
        client.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"{{content}} {{new string('x', 9_000)}}"}]}""",
            Encoding.UTF8, "application/json"), Token);
}

/// <summary>The gateway with its capture buffer on a small disk of its own, which the tests fill and empty.</summary>
public sealed class FullDiskGatewayFixture : GatewayFixture
{
    public SmallDisk? Disk { get; } = SmallDisk.TryMount(4 * 1024 * 1024);

    protected override Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Disk is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Gateway:CaptureBuffer:Directory"] = Path.Combine(Disk.Path, "buffer") });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Disk?.Dispose();
    }
}
