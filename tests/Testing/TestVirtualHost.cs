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
        var management = TestServers.RabbitMQManagement;
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

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
}
