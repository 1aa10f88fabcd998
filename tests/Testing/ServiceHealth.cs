namespace SlmPlatform.Testing;

public static class ServiceHealth
{
    /// <summary>Waits until the in-process service answers <c>/health</c> with success; throws, naming it, after 30 s.</summary>
    public static async Task WaitAsync<TMarker>(ServiceFactory<TMarker> service, string name, CancellationToken cancellationToken)
        where TMarker : class
    {
        using var client = service.CreateClient();
        var healthy = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                return response.IsSuccessStatusCode;
            },
            ok => ok, TimeSpan.FromSeconds(30), cancellationToken);
        if (!healthy)
        {
            throw new TimeoutException($"{name} did not become healthy within 30 s.");
        }
    }
}
