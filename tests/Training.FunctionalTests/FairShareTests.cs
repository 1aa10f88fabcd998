namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// One tenant's queue does not hold the workers until it is empty: when a worker comes free it takes the job of a
/// tenant with fewer running, or whose last job started longer ago, before the next of a tenant that queued many.
/// The fixture has one worker, so a first-in-first-out queue would run the busy tenant's jobs first.
/// </summary>
public sealed class FairShareTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const string OtherTenant = "tenant-training-fair-share";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkerComingFree_TakesTheJobOfATenantThatWaited_BeforeTheNextOfATenantThatQueuedMany()
    {
        using var busy = fixture.Service.CreateClient(fixture.ApiKey);
        using var waiting = fixture.Service.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, OtherTenant, Token));
        var jobs = new List<(HttpClient Client, Guid Id)>();
        try
        {
            var first = await fixture.StartEndlessJobAsync(busy);
            jobs.Add((busy, first));
            await JobPolling.WaitAsync(busy, first, j => j.GetProperty("state").GetString() == "running", TimeSpan.FromSeconds(60));

            // Queued behind it, in this order: two more of the busy tenant's, then one of the other tenant's.
            jobs.Add((busy, await fixture.StartEndlessJobAsync(busy)));
            jobs.Add((busy, await fixture.StartEndlessJobAsync(busy)));
            var other = await fixture.StartEndlessJobAsync(waiting, tenant: OtherTenant);
            jobs.Add((waiting, other));

            using var cancelled = await busy.PostAsync($"/api/finetune-jobs/{first}/cancel", null, Token);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

            var next = await JobPolling.WaitAsync(waiting, other, j => j.GetProperty("state").GetString() != "queued", TimeSpan.FromSeconds(60));
            Assert.Equal("running", next.GetProperty("state").GetString());
            foreach (var (client, id) in jobs.Skip(1).Take(2))
            {
                Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{id}", Token)).GetProperty("state").GetString());
            }
        }
        finally
        {
            foreach (var (client, id) in jobs)
            {
                using var _ = await client.PostAsync($"/api/finetune-jobs/{id}/cancel", null, CancellationToken.None);
            }
        }
    }
}
