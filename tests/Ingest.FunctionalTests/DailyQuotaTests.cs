using System.Net.Http.Json;
using Npgsql;

namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>
/// The platform's daily quota (<c>Quotas:CallsPerDay</c>) counts a tenant's accepted calls, a batch's every call: a
/// batch that does not fit is refused whole with 429 and Retry-After, nothing of it published and nothing of the
/// quota used, so the calls that do fit are still accepted; a tenant with a quota of its own (0: none) is held to that.
/// </summary>
public sealed class DailyQuotaTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallsPastTheDailyQuota_Get429_ABatchThatDoesNotFitIsRefusedWhole_AndATenantWithoutAQuotaGoesOn()
    {
        var messaging = await TestVirtualHost.CreateAsync(Token);
        await using var captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), Token);
        var platformDb = await TestDatabase.CreateAsync("platformdb", Token);
        var run = Guid.NewGuid().ToString("N")[..8];
        var limited = await TestApiKeys.CreateAsync(platformDb, $"tenant-quota-{run}", Token);
        var unlimitedTenant = $"tenant-no-quota-{run}";
        var unlimited = await TestApiKeys.CreateAsync(platformDb, unlimitedTenant, Token);
        await using (var dataSource = NpgsqlDataSource.Create(platformDb))
        {
            await using var noQuota = dataSource.CreateCommand("insert into tenants (tenant_id, name, calls_per_day) values ($1, 'no quota', 0)");
            noQuota.Parameters.Add(new NpgsqlParameter { Value = unlimitedTenant });
            await noQuota.ExecuteNonQueryAsync(Token);
        }

        await using var ingest = new IngestFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Quotas:CallsPerDay"] = "3",
        });
        using var client = ingest.CreateClient(limited);

        for (var i = 0; i < 2; i++)
        {
            using var within = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: $"{run}-within-{i}")), Token);
            Assert.Equal(HttpStatusCode.Accepted, within.StatusCode);
        }

        var batch = new StringContent(
            Calls.Record(Calls.UniqueAgent(), id: $"{run}-batch-0") + "\n" + Calls.Record(Calls.UniqueAgent(), id: $"{run}-batch-1"),
            Encoding.UTF8, "application/x-ndjson");
        using (var tooBig = await client.PostAsync("/v1/calls/batch", batch, Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, tooBig.StatusCode);
            Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
            Assert.Contains("3 calls a day", (await tooBig.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.InRange(tooBig.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        }

        using (var last = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: $"{run}-last")), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, last.StatusCode);
        }

        using (var past = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: $"{run}-past")), Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, past.StatusCode);
        }

        using var other = ingest.CreateClient(unlimited);
        for (var i = 0; i < 5; i++)
        {
            using var free = await other.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent(), id: $"{run}-free-{i}")), Token);
            Assert.Equal(HttpStatusCode.Accepted, free.StatusCode);
        }

        var published = await captured.WaitForAsync(run, 8, TimeSpan.FromSeconds(10), Token);
        Assert.Equal(8, published.Count);
        Assert.DoesNotContain(published, m => m.Envelope.Contains($"{run}-batch-", StringComparison.Ordinal) || m.Envelope.Contains($"{run}-past", StringComparison.Ordinal));
    }
}
