using System.Globalization;
using System.Text;
using MassTransit;
using SlmPlatform.Messaging;
using SlmPlatform.Scrubber.Infrastructure;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>
/// The scrubber queue's error pipe, in place of MassTransit's move to <c>scrubber_error</c>: whatever the consumer
/// could not settle — a capture it could not read at all (a deserialisation fault comes before the consumer), or one
/// whose sealed parking the broker refused — is parked sealed (<see cref="CallParked"/>), so no raw call ever lies in
/// an error queue. If even that parking is refused, the message is handed back to the broker (the exception is thrown
/// again, so the transport requeues it) to be tried once more rather than moved raw. A capture that cannot be read is
/// parked under <see cref="UnreadableTenant"/> and the message id: no tenant can list or replay it, and it expires with
/// the other parked calls.
/// </summary>
public sealed partial class SealedParkingFilter(IServiceProvider services) : IFilter<ExceptionReceiveContext>
{
    /// <summary>The tenant a capture that cannot be read is parked under.</summary>
    public const string UnreadableTenant = "(unreadable)";

    private static readonly TimeSpan RefusedPause = TimeSpan.FromSeconds(5);

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!context.IsFaulted)
        {
            await context.NotifyFaulted(context.Exception);
        }

        var body = context.Body.GetBytes();
        var (tenantId, callId, payload) = Read(body) ?? (UnreadableTenant, MessageIdOf(context), body);
        var seal = services.GetRequiredService<ParkedCallSeal>();
        var reason = context.Exception.GetBaseException().GetType().Name;
        var parked = new CallParked(
            DeterministicId.Create("call-parked", tenantId, callId, MessageIdOf(context), DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)),
            tenantId, callId, DateTimeOffset.UtcNow, reason, seal.Seal(tenantId, callId, payload));
        try
        {
            await services.GetRequiredService<IBus>().PublishMandatoryAsync(parked, parked.EventId, context.CancellationToken);
        }
        catch (Exception e) when (MandatoryPublishExtensions.IsBrokerRefusal(e))
        {
            LogParkingRefused(services.GetRequiredService<ILogger<SealedParkingFilter>>(), MessageIdOf(context), e);
            // Held a while first, so that a broker refusing for some time is not asked again in a tight loop.
            await Task.Delay(RefusedPause, context.CancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        LogParked(services.GetRequiredService<ILogger<SealedParkingFilter>>(), MessageIdOf(context), tenantId, reason);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("parkSealed");

    /// <summary>The capture's tenant, call id and JSON (as the consumer parks it, so that it can be replayed), when the envelope can be read.</summary>
    private static (string TenantId, string CallId, byte[] Payload)? Read(byte[] body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            if (envelope.RootElement.TryGetProperty("message", out var message)
                && message.TryGetProperty("tenantId", out var tenant) && tenant.ValueKind == JsonValueKind.String
                && message.TryGetProperty("callId", out var call) && call.ValueKind == JsonValueKind.String)
            {
                return (tenant.GetString()!, call.GetString()!, Encoding.UTF8.GetBytes(message.GetRawText()));
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: parked whole, under the message id.
        }

        return null;
    }

    private static string MessageIdOf(ExceptionReceiveContext context) =>
        context.TransportHeaders.Get<string>("MessageId") ?? context.GetMessageId()?.ToString() ?? Guid.NewGuid().ToString();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on the scrubber queue could not be settled ({Reason}); parked sealed for tenant {TenantId}")]
    private static partial void LogParked(ILogger logger, string messageId, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on the scrubber queue could not be settled, nor parked: handed back to the broker to try again")]
    private static partial void LogParkingRefused(ILogger logger, string messageId, Exception exception);
}
