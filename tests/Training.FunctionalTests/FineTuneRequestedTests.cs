using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>Another service's <see cref="FineTuneRequested"/> becomes one job, however often it arrives.</summary>
public sealed class FineTuneRequestedTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestSentTwice_StartsOneJobForTheTask_ThatRunsToCompletion()
    {
        var taskId = Guid.NewGuid();
        // Enough calls for the selector's smallest specialist with its default settings, as a retraining uses them.
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 60));
        var clientJobId = $"retrain-{taskId:N}";
        var requested = new FineTuneRequested(Guid.NewGuid(), TrainingFixture.Tenant, taskId, clientJobId, "test");
        var bus = fixture.Service.Services.GetRequiredService<IBus>();

        await bus.Publish(requested, Token);
        await bus.Publish(requested, Token);

        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = DeterministicId.Create("finetune-job", TrainingFixture.Tenant, clientJobId);
        await Eventually.ReadAsync(
            async () => { using var created = await client.GetAsync($"/api/finetune-jobs/{jobId}", Token); return created.StatusCode; },
            status => status != HttpStatusCode.NotFound, TimeSpan.FromSeconds(10), Token);

        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(120));
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.GetRawText());
        Assert.Equal(taskId, job.GetProperty("task_id").GetGuid());
        var models = await client.GetFromJsonAsync<JsonElement>($"/api/models?task_id={taskId}", Token);
        Assert.Single(models.EnumerateArray());
    }
}
