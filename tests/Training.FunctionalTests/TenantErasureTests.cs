using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// Erasing a whole tenant deletes everything training keeps of it — jobs, datasets, models, evaluations and every
/// artifact — after stopping the job it was running, and leaves other tenants' jobs alone.
/// </summary>
public sealed class TenantErasureTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErasingATenant_StopsItsRunningJob_AndDeletesItsJobsDatasetsModelsAndArtifacts()
    {
        var tenant = $"tenant-training-erased-{Guid.NewGuid().ToString("N")[..8]}";
        using var erased = fixture.Service.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, tenant, Token));
        using var kept = fixture.Service.CreateClient(fixture.ApiKey);
        var trained = await JobPolling.WaitAsync(erased, await StartShortJobAsync(erased, tenant), JobPolling.IsFinal, TimeSpan.FromSeconds(90));
        Assert.True(trained.GetProperty("state").GetString() == "succeeded", trained.ToString());
        var modelId = trained.GetProperty("model_id").GetGuid();
        var keptJob = await JobPolling.WaitAsync(kept, await StartShortJobAsync(kept, TrainingFixture.Tenant), JobPolling.IsFinal, TimeSpan.FromSeconds(90));
        var running = await fixture.StartEndlessJobAsync(erased, tenant: tenant);
        await JobPolling.WaitAsync(erased, running, j => JobPolling.Epoch(j) >= 2, TimeSpan.FromSeconds(60));
        var folder = fixture.Service.Services.GetRequiredService<IArtifactStore>().LocalFolderOf(DatasetStore.Safe(tenant))!;
        Assert.True(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() >= 2, "the tenant's dataset and model were not stored");
        await using var reports = await CapturingQueue.BindAsync(fixture.Settings["ConnectionStrings:messaging"], typeof(ErasureCompleted), Token);

        var erasureId = Guid.NewGuid();
        var whole = new CallsErased(ErasureReport.PartEventId(erasureId, 1), tenant, erasureId, 1, 1, [], DateTimeOffset.UtcNow, WholeTenant: true);
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(whole, publish => publish.MessageId = whole.EventId, Token);
        var report = Assert.Single(await reports.WaitForAsync(m => m.Message<ErasureCompleted>().ErasureId == erasureId, 1, TimeSpan.FromSeconds(60), Token))
            .Message<ErasureCompleted>();

        Assert.Equal("training", report.Service);
        Assert.Equal(2, report.Deleted["finetune_jobs"]);
        Assert.Equal(1, report.Deleted["models"]);
        Assert.True(report.Deleted["datasets"] >= 1, string.Join(", ", report.Deleted));
        Assert.True(report.Deleted["artifacts"] >= 2, string.Join(", ", report.Deleted));
        Assert.False(Directory.Exists(folder));
        foreach (var table in new[] { "finetune_jobs", "datasets", "models", "model_evaluations" })
        {
            Assert.Equal(0, await TestDatabase.CountAsync(fixture.TrainingDb, $"select count(*) from {table} where tenant_id = $1", Token, tenant));
        }

        using (var job = await erased.GetAsync($"/api/finetune-jobs/{running}", Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        }

        using (var model = await erased.GetAsync($"/api/models/{modelId}", Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, model.StatusCode);
        }

        // The stopped worker wrote nothing after the folder went, and the other tenant keeps its job and model.
        await Task.Delay(TimeSpan.FromSeconds(2), Token);
        Assert.False(Directory.Exists(folder));
        var stillKept = await kept.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{keptJob.GetProperty("id").GetGuid()}", Token);
        Assert.Equal("succeeded", stillKept.GetProperty("state").GetString());
        using var keptModel = await kept.GetAsync($"/api/models/{keptJob.GetProperty("model_id").GetGuid()}", Token);
        Assert.Equal(HttpStatusCode.OK, keptModel.StatusCode);
    }

    private async Task<Guid> StartShortJobAsync(HttpClient client, string tenant)
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 40));
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            hyperparameters = new { hidden_units = 32, ensemble_members = 1, max_epochs = 20, patience = 4 },
            dataset = new { near_duplicate_threshold = 0.995 },
        }, Token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
    }
}
