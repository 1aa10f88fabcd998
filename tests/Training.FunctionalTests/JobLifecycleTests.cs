namespace SlmPlatform.Training.FunctionalTests;

/// <summary>Cancel, time limits and a worker losing its lease mid-job — with jobs long enough to be caught running.</summary>
public sealed class JobLifecycleTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancel_OfARunningJob_StopsItAsCancelled()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = await fixture.StartEndlessJobAsync(client);
        var running = await JobPolling.WaitAsync(client, jobId, j => JobPolling.Epoch(j) >= 2, TimeSpan.FromSeconds(60));

        using var cancel = await client.PostAsync($"/api/finetune-jobs/{jobId}/cancel", null, Token);
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(15));

        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("model_id").ValueKind);
    }

    [Fact]
    public async Task Job_PastItsTimeLimit_Fails()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = await fixture.StartEndlessJobAsync(client, timeLimitSeconds: 4);

        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(60));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("time limit", job.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_WhoseWorkerLostItsLease_IsTakenOverAndResumesFromItsCheckpoint()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        const int epochs = 120;
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 60));
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            hyperparameters = new { hidden_units = 512, ensemble_members = 1, max_epochs = epochs, patience = 1000, batch_size = 8 },
            dataset = new { near_duplicate_threshold = 0.995 },
        }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        await JobPolling.WaitAsync(client, jobId, j => JobPolling.Epoch(j) >= 5, TimeSpan.FromSeconds(60));

        // As if the worker had died: its lease expires and its heartbeats find the job held by someone else.
        await TestDatabase.CountAsync(fixture.TrainingDb,
            "with s as (update finetune_jobs set lease_holder = 'dead-worker', lease_expires_at = now() - interval '1 second' where job_id = $1 and state = 'running' returning 1) select count(*) from s",
            Token, jobId);
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(120));

        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        var model = await client.GetFromJsonAsync<JsonElement>($"/api/models/{job.GetProperty("model_id").GetGuid()}", Token);
        Assert.Equal(epochs, model.GetProperty("metrics").GetProperty("training").GetProperty("epochs").GetInt32());
        // Resumed, not restarted: each epoch announced once, but for the few the takeover repeated after the last checkpoint.
        var progressed = await fixture.Progressed.WaitForAsync(jobId.ToString(), epochs, TimeSpan.FromSeconds(10), Token);
        Assert.InRange(progressed.Count, epochs, epochs + 3);
    }

    [Fact]
    public async Task Job_WhoseSourceStaysUnreachable_IsRetriedThenFails()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var taskId = Guid.NewGuid();
        fixture.Calls.AddUnreachable(taskId);

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(60));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.StartsWith("Stopped after 2 attempts", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, fixture.Calls.Tries(taskId));
    }
}
