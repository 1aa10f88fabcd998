namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// Two training replicas on one queue, one database and one artifact store: each takes a job at a time, no job runs
/// on both, and a job whose replica stops mid-run (a rolling update) is resumed by the other from its checkpoint.
/// </summary>
public sealed class ReplicaTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const int Jobs = 3;
    private const int Epochs = 60;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_RunEachJobOnce_AndResumeTheJobOfAStoppedReplica()
    {
        var jobIds = new List<Guid>();
        var second = new TrainingFactory(fixture.Settings, fixture.Calls);
        await using (second)
        {
            await WaitHealthyAsync(second);
            using var client = fixture.Service.CreateClient(fixture.ApiKey);
            for (var i = 0; i < Jobs; i++)
            {
                jobIds.Add(await StartJobAsync(client));
            }

            var running = await Eventually.ReadAsync(
                () => TestDatabase.CountAsync(fixture.TrainingDb, "select count(distinct lease_holder) from finetune_jobs where state = 'running'", Token),
                n => n == 2, TimeSpan.FromSeconds(60), Token);
            Assert.True(running == 2, $"{running} replicas ran a job at once, not 2.");
        }

        using var survivor = fixture.Service.CreateClient(fixture.ApiKey);
        var attempts = new List<int>();
        foreach (var jobId in jobIds)
        {
            var job = await JobPolling.WaitAsync(survivor, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(180));
            Assert.Equal("succeeded", job.GetProperty("state").GetString());
            attempts.Add(job.GetProperty("attempts").GetInt32());

            // Trained once: one model announced, and its epochs announced once each but for the few a resumption
            // repeats after the last checkpoint.
            Assert.Single(await fixture.Trained.WaitForAsync(jobId.ToString(), 1, TimeSpan.FromSeconds(10), Token));
            var progressed = await fixture.Progressed.WaitForAsync(jobId.ToString(), Epochs, TimeSpan.FromSeconds(10), Token);
            Assert.InRange(progressed.Count, Epochs, Epochs + 3);
        }

        Assert.All(attempts, a => Assert.InRange(a, 1, 2));
        Assert.Contains(2, attempts);
    }

    private static async Task WaitHealthyAsync(TrainingFactory replica)
    {
        using var client = replica.CreateClient();
        var healthy = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await client.GetAsync("/health", Token);
                return response.IsSuccessStatusCode;
            },
            ok => ok, TimeSpan.FromSeconds(30), Token);
        Assert.True(healthy, "The second training replica did not become healthy.");
    }

    private async Task<Guid> StartJobAsync(HttpClient client)
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 40));
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            hyperparameters = new { hidden_units = 256, ensemble_members = 1, max_epochs = Epochs, patience = 1000, batch_size = 8 },
            dataset = new { near_duplicate_threshold = 0.995 },
        }, Token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
    }
}
