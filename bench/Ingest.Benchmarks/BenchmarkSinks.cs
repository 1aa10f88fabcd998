using RabbitMQ.Client;
using SlmPlatform.Contracts;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// The queues that take what each mode publishes: one bound to MassTransit's <c>CallCaptured</c> exchange, one bound
/// to the raw baseline's exchange. A publish is only confirmed once a durable queue holds the persistent message, so
/// both paths do the same broker work. Nothing consumes them; <c>x-max-length</c> with <c>drop-head</c> drops the
/// oldest messages instead, which keeps the broker's memory bounded over a long run.
/// </summary>
internal static class BenchmarkSinks
{
    /// <summary>The exchange MassTransit publishes <see cref="CallCaptured"/> to (fanout, durable).</summary>
    public static readonly string IngestExchange = $"{typeof(CallCaptured).Namespace}:{nameof(CallCaptured)}";

    public const string RawExchange = "bench-raw";

    public const string IngestQueue = "bench-ingest-sink";

    public const string RawQueue = "bench-raw-sink";

    public static async Task DeclareAsync(string amqpUri, int maxLength, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var bounded = new Dictionary<string, object?> { ["x-max-length"] = maxLength, ["x-overflow"] = "drop-head" };
        foreach (var (exchange, queue) in new[] { (IngestExchange, IngestQueue), (RawExchange, RawQueue) })
        {
            // The same declaration MassTransit makes for a published message type, so neither side refuses the other's.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, bounded, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, exchange, string.Empty, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The body of one message that ingest published: MassTransit's JSON envelope around the call.</summary>
    public static async Task<byte[]?> SampleIngestMessageAsync(string amqpUri, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var message = await channel.BasicGetAsync(IngestQueue, autoAck: true, cancellationToken);
        return message?.Body.ToArray();
    }
}
