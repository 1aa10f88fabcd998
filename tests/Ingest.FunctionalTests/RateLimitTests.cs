namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>One tenant's flood is refused with 429 and Retry-After; another tenant's calls go on.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATenantBeyondItsBurst_Gets429WithRetryAfter_WhileAnotherTenantIsServed()
    {
        var messaging = await TestVirtualHost.CreateAsync(Token);
        await using var captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), Token); // where the scrubber's queue would be
        var platformDb = await TestDatabase.CreateAsync("platformdb", Token);
        var flooding = await TestApiKeys.CreateAsync(platformDb, "tenant-flooding", Token);
        var quiet = await TestApiKeys.CreateAsync(platformDb, "tenant-quiet", Token);
        await using var ingest = new IngestFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["RateLimits:PermitsPerSecond"] = "1",
            ["RateLimits:Burst"] = "3",
        });
        using var flood = ingest.CreateClient(flooding);
        using var calm = ingest.CreateClient(quiet);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await flood.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: $"flood-{i}")), Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using (refused)
        {
            Assert.NotNull(refused);
            Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.Accepted, s));
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var served = await calm.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: "quiet-1")), Token);
        Assert.Equal(HttpStatusCode.Accepted, served.StatusCode);
    }
}
