using RabbitMQ.Client;
using SlmPlatform.Scrubber.Consumers;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// A message on the scrubber's queue that cannot even be read as a capture (left by an older or broken publisher; the
/// bus fails it before the consumer sees it) is parked sealed instead of moved raw to <c>scrubber_error</c>: under its
/// tenant where the envelope names one, otherwise under <see cref="SealedParkingFilter.UnreadableTenant"/>.
/// </summary>
public sealed class UnreadableCaptureTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const string Email = "unreadable.person@example.org";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACaptureWithAFieldOfTheWrongType_IsParkedSealedUnderItsTenant_AndNothingRawIsLeftInAnErrorQueue()
    {
        var callId = $"unreadable-{Guid.NewGuid():N}";
        await using var parkings = await CapturingQueue.BindAsync(fixture.Messaging, typeof(CallParked), Token);
        var message = $$"""
            {"captureId":"{{Guid.NewGuid()}}","tenantId":"{{PipelineFixture.TenantA}}","callId":"{{callId}}","agent":"support","startedAt":"not a time",
             "request":{"messages":[{"role":"user","content":"Write to {{Email}}"}]},"response":null}
            """;

        await UnreadableCapture.PublishAsync(fixture.Messaging, Envelope(message), Token);

        var parked = Assert.Single(await parkings.WaitForAsync(callId, 1, TimeSpan.FromSeconds(20), Token));
        Assert.DoesNotContain(Email, parked.Envelope, StringComparison.Ordinal);
        Assert.Equal(PipelineFixture.TenantA, parked.Message<CallParked>().TenantId);
        await AssertNothingRawLeftAsync();
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);
        var listed = await Eventually.ReadAsync(
            async () => (await calls.GetFromJsonAsync<JsonElement>("/api/parked-calls", Token)).EnumerateArray().Any(p => p.GetProperty("call_id").GetString() == callId),
            found => found, TimeSpan.FromSeconds(15), Token);
        Assert.True(listed, "the parked capture was not listed for its tenant");
    }

    [Fact]
    public async Task ABodyThatIsNotJson_IsParkedSealedUnderNoTenant_AndNothingRawIsLeftInAnErrorQueue()
    {
        await using var parkings = await CapturingQueue.BindAsync(fixture.Messaging, typeof(CallParked), Token);
        var before = await TestDatabase.CountAsync(fixture.CallsDb, "select count(*) from parked_calls where tenant_id = $1", Token, SealedParkingFilter.UnreadableTenant);

        await UnreadableCapture.PublishAsync(fixture.Messaging, Encoding.UTF8.GetBytes($"tenant-a sent {Email} and this is not JSON"), Token);

        var parked = Assert.Single(await parkings.WaitForAsync(SealedParkingFilter.UnreadableTenant, 1, TimeSpan.FromSeconds(20), Token));
        Assert.DoesNotContain(Email, parked.Envelope, StringComparison.Ordinal);
        await AssertNothingRawLeftAsync();
        Assert.Equal(before + 1, await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(fixture.CallsDb, "select count(*) from parked_calls where tenant_id = $1", Token, SealedParkingFilter.UnreadableTenant),
            n => n > before, TimeSpan.FromSeconds(15), Token));
    }

    private async Task AssertNothingRawLeftAsync()
    {
        var queues = await TestVirtualHost.QueueStatesAsync(fixture.Messaging, Token);
        foreach (var queue in new[] { "scrubber_error", "scrubber_skipped", "scrubber" })
        {
            if (queues.TryGetValue(queue, out var state) && state.Messages > 0)
            {
                var held = await TestVirtualHost.PeekAsync(fixture.Messaging, queue, 10, Token);
                Assert.DoesNotContain(held, m => m.Contains(Email, StringComparison.Ordinal));
            }
        }
    }

    private static byte[] Envelope(string message) => Encoding.UTF8.GetBytes($$"""
        {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:SlmPlatform.Contracts:CallCaptured"],"message":{{message}}}
        """);
}

/// <summary>
/// When the broker refuses the sealed parking too (nothing routes it to its queue any more), the message that could not be read is handed back to
/// the broker to be tried again: it stays on the scrubber's queue and nothing raw moves to an error queue.
/// </summary>
public sealed class RefusedParkingTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const string Email = "refused.person@example.org";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnreadableCaptureWhoseParkingIsRefused_StaysOnItsQueue_AndNeverReachesAnErrorQueue()
    {
        // Parked calls no longer reach the parked calls' queue (deleting that queue instead races the bus, which
        // declares it again).
        await TestVirtualHost.UnbindExchangeAsync(fixture.Messaging, "SlmPlatform.Contracts:CallParked", "scrubber-parked", Token);

        await UnreadableCapture.PublishAsync(fixture.Messaging, Encoding.UTF8.GetBytes($"tenant-a sent {Email} and this is not JSON"), Token);

        var refused = await Eventually.ReadAsync(
            () => Task.FromResult(fixture.Calls.Logs.Lines.Any(l => l.Contains("nor parked", StringComparison.Ordinal))), seen => seen, TimeSpan.FromSeconds(20), Token);
        Assert.True(refused, "the scrubber never tried to park the message");

        // The broker's counts lag by its statistics interval (5 s): read them until they show the message.
        var queues = await Eventually.ReadAsync(
            () => TestVirtualHost.QueueStatesAsync(fixture.Messaging, Token), q => q["scrubber"].Messages == 1, TimeSpan.FromSeconds(20), Token);
        Assert.Equal(1, queues["scrubber"].Messages);
        Assert.Equal(0, queues.GetValueOrDefault("scrubber_error")?.Messages ?? 0);
    }
}

internal static class UnreadableCapture
{
    /// <summary>Puts the bytes on the scrubber's queue as a publisher outside the platform's code would.</summary>
    public static async Task PublishAsync(string messaging, byte[] body, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("scrubber", string.Empty, mandatory: true, properties, body, cancellationToken);
    }
}
