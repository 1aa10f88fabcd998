using RabbitMQ.Client;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// The baseline: RabbitMQ.Client 7 publishing persistent, mandatory messages on one channel with publisher confirms,
/// each publish awaiting its own confirm (as MassTransit's publish does), many at once. The number of workers is the
/// number of confirms outstanding; the client's own limiter is off, so nothing else throttles.
/// </summary>
internal sealed class RawPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ReadOnlyMemory<byte> _body;

    private RawPublisher(IConnection connection, IChannel channel, ReadOnlyMemory<byte> body)
    {
        _connection = connection;
        _channel = channel;
        _body = body;
    }

    public static async Task<RawPublisher> ConnectAsync(string amqpUri, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken);
        return new RawPublisher(connection, channel, body);
    }

    public async Task<Outcome> PublishAsync(CancellationToken cancellationToken)
    {
        // A fresh properties object per message, as MassTransit makes one: the client adds a header to it.
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = Guid.NewGuid().ToString(),
        };
        await _channel.BasicPublishAsync(BenchmarkSinks.RawExchange, string.Empty, mandatory: true, properties, _body, cancellationToken);
        return Outcome.Ok(1);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
