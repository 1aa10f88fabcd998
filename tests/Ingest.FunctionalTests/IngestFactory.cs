using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SlmPlatform.Ingest.Infrastructure;

namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>The ingest service in-process, wired to the test run's real PostgreSQL and RabbitMQ.</summary>
public sealed class IngestFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<CallPublisher>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public static async Task<(IngestFactory Factory, string ApiKey)> StartAsync(
        string messaging, CancellationToken cancellationToken, params (string Key, string Value)[] overrides)
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, IngestFixture.TenantId, cancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["Ingest:PublishTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return (new IngestFactory(settings), apiKey);
    }
}
