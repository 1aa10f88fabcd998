using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace SlmPlatform.Testing;

/// <summary>
/// A queue bound to one MassTransit message exchange (named <c>Namespace:Type</c>), for tests that check what a
/// service really put on the broker.
/// </summary>
public sealed class CapturingQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly List<CapturedMessage> _received = [];

    private CapturingQueue(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<CapturingQueue> BindAsync(string amqpUri, Type messageType, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var exchange = $"{messageType.Namespace}:{messageType.Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = $"test-capture-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, exchange, string.Empty, cancellationToken: cancellationToken);
        return new CapturingQueue(connection, channel, queue);
    }

    /// <summary>Every message received so far (the queue is read into this list as tests wait).</summary>
    public IReadOnlyList<CapturedMessage> Received => _received;

    /// <summary>
    /// Waits until at least <paramref name="count"/> received messages match, or the timeout passes, and returns the
    /// matching ones. Messages of other tests stay in <see cref="Received"/> for them.
    /// </summary>
    public async Task<List<CapturedMessage>> WaitForAsync(Func<CapturedMessage, bool> match, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (await _channel.BasicGetAsync(_queue, autoAck: true, cancellationToken) is { } result)
            {
                _received.Add(new CapturedMessage(Encoding.UTF8.GetString(result.Body.Span), result.BasicProperties.MessageId));
            }

            var matching = _received.Where(match).ToList();
            if (matching.Count >= count || DateTime.UtcNow >= deadline)
            {
                return matching;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Messages whose MassTransit envelope mentions <paramref name="text"/> (an agent name, a call id).</summary>
    public Task<List<CapturedMessage>> WaitForAsync(string text, int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(m => m.Envelope.Contains(text, StringComparison.Ordinal), count, timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

public sealed record CapturedMessage(string Envelope, string? MessageId)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The message inside the MassTransit envelope.</summary>
    public T Message<T>() => JsonDocument.Parse(Envelope).RootElement.GetProperty("message").Deserialize<T>(Web)!;
}
