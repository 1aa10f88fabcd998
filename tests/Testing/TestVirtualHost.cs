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

    private static HttpClient ManagementClient()
    {
        var management = TestServers.RabbitMQManagement;
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http;
    }
}
