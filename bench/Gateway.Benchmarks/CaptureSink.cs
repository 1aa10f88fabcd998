using System.Net.Http.Headers;
using System.Text.Json;
using RabbitMQ.Client;
using SlmPlatform.Contracts;
using SlmPlatform.Testing;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The queue that takes the gateway's captures: bound to MassTransit's <c>CallCaptured</c> exchange, so that the
/// gateway's mandatory publishes are routable and confirmed only once a durable queue holds them, as in production.
/// Nothing consumes it; <c>x-max-length</c> with <c>drop-head</c> drops the oldest instead, which keeps the broker's
/// memory bounded. The management API's count of messages published into it tells whether capture kept up.
/// </summary>
internal static class CaptureSink
{
    /// <summary>The exchange MassTransit publishes <see cref="CallCaptured"/> to (fanout, durable).</summary>
    public static readonly string Exchange = $"{typeof(CallCaptured).Namespace}:{nameof(CallCaptured)}";

    public const string Queue = "bench-gateway-capture-sink";

    public static async Task DeclareAsync(string amqpUri, int maxLength, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var bounded = new Dictionary<string, object?> { ["x-max-length"] = maxLength, ["x-overflow"] = "drop-head" };
        // The same declaration MassTransit makes for a published message type, so neither side refuses the other's.
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, bounded, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Queue, Exchange, string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Messages published into the sink so far, from the management API's statistics (refreshed every few seconds),
    /// or null where they cannot be read.
    /// </summary>
    public static async Task<long?> PublishedAsync(string amqpUri, CancellationToken cancellationToken)
    {
        var management = TestServers.RabbitMQManagement;
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        var vhost = Uri.EscapeDataString(Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/')));
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        try
        {
            await using var body = await http.GetStreamAsync(new Uri($"/api/queues/{vhost}/{Queue}", UriKind.Relative), cancellationToken);
            using var queue = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return queue.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var publish)
                ? publish.GetInt64()
                : 0;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }
}
