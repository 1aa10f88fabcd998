namespace SlmPlatform.Training.FunctionalTests;

/// <summary>Catalog models asked for where no GPU trainer is configured (the plain fixture sets no Training:Kubernetes).</summary>
public sealed class LoraJobWithoutGpuTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoraJob_WithoutAGpuTrainer_FailsAtOnceSayingWhatToSet()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", FruitTask.Calls(taskId.ToString("N")[..8], count: 60, seed: 4));

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, kind = "qwen2.5-0.5b-instruct" }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.StartsWith("no GPU trainer is configured: set Training:Kubernetes:", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        // Failed before any dataset was built.
        Assert.Equal(JsonValueKind.Null, job.GetProperty("dataset_id").ValueKind);
    }

    [Fact]
    public async Task AutoJob_OnAToolCallTask_WithoutAGpuTrainer_FailsExplainingThatNoneIsConfigured()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "tool_call", WeatherToolTask.Calls(taskId.ToString("N")[..8], 240));

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, dataset = new { near_duplicate_threshold = 1.0 } }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(120));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("none is configured", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("selection").GetProperty("choice").ValueKind);
    }

    [Fact]
    public async Task Post_WithACatalogModelAsKind_IsAccepted_AndAnUnknownKindNamesTheCatalogModels()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var unknown = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = Guid.NewGuid(), kind = "gpt-5" }, Token);
        using var badRank = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = Guid.NewGuid(), kind = "llama-3.2-1b-instruct", hyperparameters = new { lora_rank = 0 } }, Token);
        var unknownErrors = (await unknown.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        var rankErrors = (await badRank.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");

        Assert.Contains("qwen2.5-0.5b-instruct", unknownErrors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.True(rankErrors.TryGetProperty("hyperparameters.lora_rank", out _), rankErrors.ToString());
        Assert.False(rankErrors.TryGetProperty("kind", out _));
    }
}
