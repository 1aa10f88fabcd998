namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>One ingest service on a virtual host of its own, with a queue that records every CallCaptured it publishes.</summary>
public sealed class IngestFixture : IAsyncLifetime
{
    public const string TenantId = "tenant-ingest-tests";
    public const int MaxCallBytes = 64 * 1024;
    public const int MaxBatchItems = 50;

    public IngestFactory Factory { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public CapturingQueue Captured { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var messaging = await TestVirtualHost.CreateAsync(token);
        Captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), token);
        (Factory, ApiKey) = await IngestFactory.StartAsync(messaging, token,
            ("Ingest:MaxCallBytes", MaxCallBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Ingest:MaxBatchItems", MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public HttpClient CreateClient(string? apiKey = null) => Factory.CreateClient(apiKey ?? ApiKey);

    public async ValueTask DisposeAsync()
    {
        if (Captured is not null)
        {
            await Captured.DisposeAsync();
        }

        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}
