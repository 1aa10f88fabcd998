namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>When the broker cannot take a call, ingest says so with 503 and Retry-After instead of dropping it.</summary>
public sealed class BrokerFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostCall_NoQueueWouldTakeTheCall_Returns503WithRetryAfter()
    {
        // A fresh virtual host: the exchange exists once published to, but no scrubber queue is bound to it.
        var messaging = await TestVirtualHost.CreateAsync(Token);
        var (factory, apiKey) = await IngestFactory.StartAsync(messaging, Token);
        await using var _ = factory;
        using var client = factory.CreateClient(apiKey);

        using var response = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent())), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task PostCall_BrokerUnreachable_Returns503WithRetryAfter()
    {
        var unreachable = new UriBuilder(TestServers.RabbitMQ) { Port = ClosedPort() }.Uri.ToString();
        var (factory, apiKey) = await IngestFactory.StartAsync(unreachable, Token);
        await using var _ = factory;
        using var client = factory.CreateClient(apiKey);

        using var response = await client.PostAsync("/v1/calls/batch", Calls.Json($"[{Calls.Record(Calls.UniqueAgent())}]"), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
