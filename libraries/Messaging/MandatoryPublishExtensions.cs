using MassTransit;

namespace SlmPlatform.Messaging;

/// <summary>Publishing that cannot lose a message in silence.</summary>
public static class MandatoryPublishExtensions
{
    /// <summary>How long a background publisher waits for the broker's confirm before it keeps the message for later.</summary>
    public static readonly TimeSpan DefaultConfirmTimeout = TimeSpan.FromSeconds(10);

    /// <inheritdoc cref="PublishMandatoryAsync{T}(IPublishEndpoint, T, Guid, TimeSpan, CancellationToken)"/>
    public static Task PublishMandatoryAsync<T>(this IPublishEndpoint endpoint, T message, Guid messageId, CancellationToken cancellationToken)
        where T : class =>
        endpoint.PublishMandatoryAsync(message, messageId, DefaultConfirmTimeout, cancellationToken);

    /// <summary>
    /// Publishes under a given message id (the consumer's idempotency key) and completes only when RabbitMQ has
    /// confirmed it. The publish is mandatory: a message that no queue would take is returned and this throws,
    /// instead of the broker dropping it. Also throws when no confirm arrives within <paramref name="timeout"/>.
    /// </summary>
    public static async Task PublishMandatoryAsync<T>(
        this IPublishEndpoint endpoint, T message, Guid messageId, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await endpoint.Publish(message, context =>
        {
            context.MessageId = messageId;
            if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
            {
                rabbit.Mandatory = true;
            }
        }, deadline.Token);
    }

    /// <summary>Whether an exception from <c>PublishMandatoryAsync</c> means "the broker did not take it".</summary>
    public static bool IsBrokerRefusal(Exception exception) =>
        exception is OperationCanceledException or MessageReturnedException or MessageNotAcknowledgedException
            or MassTransitException or RabbitMQ.Client.Exceptions.RabbitMQClientException;
}
