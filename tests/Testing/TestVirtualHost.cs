using RabbitMQ.Client;
using System.Net.Http.Headers;
using System.Text;

namespace SlmPlatform.Testing;

/// <summary>
/// A RabbitMQ virtual host of a test's own: its exchanges and queues cannot meet another test's messages.
/// </summary>
public static class TestVirtualHost
{
    /// <summary>Creates the virtual host and returns an <c>amqp://</c> connection string into it.</summary>
    public static async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var name = $"test-{Guid.NewGuid():N}";
        var credentials = Uri.UnescapeDataString(TestServers.RabbitMQManagement.UserInfo);
        using var http = ManagementClient();

        using var created = await http.PutAsync(new Uri($"/api/vhosts/{name}", UriKind.Relative), null, cancellationToken);
        created.EnsureSuccessStatusCode();
        var user = credentials.Split(':')[0];
        using var permissions = await http.PutAsync(
            new Uri($"/api/permissions/{name}/{user}", UriKind.Relative),
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"),
            cancellationToken);
        permissions.EnsureSuccessStatusCode();

        return new UriBuilder(TestServers.RabbitMQ) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>The messages ready in a queue of the virtual host, as the broker counts them now; 0 for a queue never declared.</summary>
    public static async Task<uint> QueueDepthAsync(string connectionString, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>The queue as the broker's management API describes it (<c>type</c>, <c>arguments</c>, <c>messages</c>, ...).</summary>
    public static async Task<System.Text.Json.JsonElement> QueueAsync(string connectionString, string queue, CancellationToken cancellationToken)
    {
        var virtualHost = new Uri(connectionString).AbsolutePath.Trim('/');
        using var http = ManagementClient();
        using var response = await http.GetAsync(new Uri($"/api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content, cancellationToken);
    }

    /// <summary>Every queue of the virtual host with the messages it holds (ready and unacknowledged) and its consumers.</summary>
    public static async Task<IReadOnlyDictionary<string, QueueState>> QueueStatesAsync(string connectionString, CancellationToken cancellationToken)
    {
        var virtualHost = new Uri(connectionString).AbsolutePath.Trim('/');
        using var http = ManagementClient();
        using var response = await http.GetAsync(new Uri($"/api/queues/{Uri.EscapeDataString(virtualHost)}?columns=name,messages,consumers", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var queues = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content, cancellationToken);
        return queues.EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!, q => new QueueState(Number(q, "messages"), Number(q, "consumers")));

        // A queue just declared has no message statistics yet.
        static long Number(System.Text.Json.JsonElement queue, string name) =>
            queue.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number ? value.GetInt64() : 0;
    }

    /// <summary>
    /// The payloads of up to <paramref name="count"/> messages at the head of the queue, put back after reading (for a
    /// classic queue nothing changes but their redelivered flag).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PeekAsync(string connectionString, string queue, int count, CancellationToken cancellationToken)
    {
        var virtualHost = new Uri(connectionString).AbsolutePath.Trim('/');
        using var http = ManagementClient();
        using var response = await http.PostAsync(
            new Uri($"/api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}/get", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 1_000_000 }),
            cancellationToken);
        response.EnsureSuccessStatusCode();
        var messages = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content, cancellationToken);
        return [.. messages.EnumerateArray().Select(m => m.GetProperty("payload").GetString() ?? "")];
    }

    /// <summary>
    /// Takes the message at the head of the queue <paramref name="times"/> times without settling it, each time as a
    /// consumer that dies holding it would (its channel closes): the broker puts it back and counts the delivery.
    /// </summary>
    public static async Task DeliverUnsettledAsync(string connectionString, string queue, int times, CancellationToken cancellationToken)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(cancellationToken);
        for (var delivery = 0; delivery < times; delivery++)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            if (await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is null)
            {
                throw new InvalidOperationException($"The queue '{queue}' held no message for delivery {delivery + 1}.");
            }

            await channel.CloseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Removes every binding from one exchange to another, as an operator's mistake would: what was routed only through
    /// them is then refused (a mandatory publish comes back). Nothing that consumes notices, so nothing re-declares them.
    /// </summary>
    public static async Task UnbindExchangeAsync(string connectionString, string source, string destination, CancellationToken cancellationToken)
    {
        var virtualHost = Uri.EscapeDataString(new Uri(connectionString).AbsolutePath.Trim('/'));
        var path = $"/api/bindings/{virtualHost}/e/{Uri.EscapeDataString(source)}/e/{Uri.EscapeDataString(destination)}";
        using var http = ManagementClient();
        var bindings = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, new Uri(path, UriKind.Relative), cancellationToken);
        foreach (var binding in bindings.EnumerateArray())
        {
            var key = Uri.EscapeDataString(binding.GetProperty("properties_key").GetString()!);
            using var response = await http.DeleteAsync(new Uri($"{path}/{key}", UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        if (bindings.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"No binding from '{source}' to '{destination}'.");
        }
    }

    private static HttpClient ManagementClient()
    {
        var management = TestServers.RabbitMQManagement;
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http;
    }
}

/// <summary>A queue's messages (ready and unacknowledged) and consumers, as the management API counts them.</summary>
public sealed record QueueState(long Messages, long Consumers);
