using System.Globalization;
using MassTransit;

namespace SlmPlatform.Messaging;

/// <summary>The broker's count of a message's earlier deliveries on a quorum queue, against the platform's limit.</summary>
public static class DeliveryLimits
{
    /// <summary>The header a quorum queue sets on a message delivered again after its consumer did not settle it.</summary>
    public const string DeliveryCountHeader = "x-delivery-count";

    /// <summary>
    /// True once the message has been returned unsettled one time fewer than the limit (the broker moves it to the error
    /// queue itself when returned more often than the limit, so this leaves one delivery to spare): a consumer that
    /// must not let it go there raw (the scrubber) parks it its own way instead. Always false on classic queues.
    /// </summary>
    public static bool IsLastDelivery(ConsumeContext context, QueueOptions options) =>
        options.Type == QueueOptions.Quorum && DeliveryCount(context) >= options.DeliveryLimit - 1;

    /// <summary>Earlier deliveries of the message (0 on its first, and on a classic queue).</summary>
    public static long DeliveryCount(ConsumeContext context) =>
        context.ReceiveContext.TransportHeaders.TryGetHeader(DeliveryCountHeader, out var value) && value is not null
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : 0;

    /// <summary>Declares the endpoint's queue as a quorum queue whose over-delivered messages go to its <c>_error</c> queue.</summary>
    internal static void UseQuorumQueue(this IRabbitMqReceiveEndpointConfigurator endpoint, string queueName, QueueOptions options)
    {
        endpoint.SetQuorumQueue();
        endpoint.SetQueueArgument("x-delivery-limit", options.DeliveryLimit);
        endpoint.BindDeadLetterQueue($"{queueName}_error", $"{queueName}_error");
    }
}
