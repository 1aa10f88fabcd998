namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// Fine-tunes of catalog models on the GPU trainer, against <see cref="ScriptedKubernetes"/>: what the training service
/// exports, launches and follows, and what it makes of the Job's end. No cluster, GPU or training is involved.
/// </summary>
public sealed class LoraJobTests(GpuTrainingFixture fixture) : IClassFixture<GpuTrainingFixture>
{
    private const string Qwen = "qwen2.5-0.5b-instruct";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AutoJob_OnAToolCallTask_LaunchesALoraFineTune_AndRegistersTheAdapterWhenTheJobSucceeds()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "tool_call", WeatherToolTask.Calls(taskId.ToString("N")[..8], 240));

        var jobId = await PostAsync(client, new { task_id = taskId, kind = "auto", hyperparameters = new { lora_rank = 8, max_epochs = 3 }, dataset = new { near_duplicate_threshold = 1.0 } });
        var created = await fixture.Kubernetes!.WaitForJobAsync(jobId, TimeSpan.FromSeconds(120));
        var running = await JobPolling.WaitAsync(client, jobId, j => Phase(j) == "running", TimeSpan.FromSeconds(30));

        // The Job: the configured image, one GPU, the recipe's arguments naming the exported dataset and the adapter's folder.
        var container = created.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        var args = container.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal("slm-tests", created.GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal("slm-platform/lora-trainer:test", container.GetProperty("image").GetString());
        Assert.Equal("1", container.GetProperty("resources").GetProperty("limits").GetProperty("nvidia.com/gpu").GetString());
        Assert.Equal("Qwen/Qwen2.5-0.5B-Instruct", Argument(args, "--base-model"));
        Assert.Equal("qwen2.5:0.5b", Argument(args, "--ollama-base"));
        Assert.Equal("8", Argument(args, "--rank"));
        Assert.Equal("3", Argument(args, "--epochs"));
        Assert.EndsWith($"/lora/{jobId:N}/train.jsonl", Argument(args, "--dataset"), StringComparison.Ordinal);
        Assert.EndsWith($"/lora/{jobId:N}/validation.jsonl", Argument(args, "--validation"), StringComparison.Ordinal);
        Assert.EndsWith($"/lora/{jobId:N}/adapter", Argument(args, "--output"), StringComparison.Ordinal);
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal(Qwen, running.GetProperty("selection").GetProperty("choice").GetProperty("id").GetString());

        // The exported train split, in the artifact store, in Hugging Face chat format with the tools offered.
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{running.GetProperty("dataset_id").GetString()}", Token);
        var lines = await File.ReadAllLinesAsync(fixture.Kubernetes.LocalPathOf(Argument(args, "--dataset")), Token);
        Assert.Equal(dataset.GetProperty("splits").GetProperty("train").GetInt32(), lines.Length);
        foreach (var line in lines)
        {
            var example = JsonDocument.Parse(line).RootElement;
            var answer = example.GetProperty("messages").EnumerateArray().Last();
            Assert.Equal("assistant", answer.GetProperty("role").GetString());
            Assert.Equal(JsonValueKind.Object, answer.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").ValueKind);
            Assert.Equal(2, example.GetProperty("tools").GetArrayLength());
        }

        fixture.Kubernetes.Succeed(jobId);
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(30));

        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        var modelId = job.GetProperty("model_id").GetGuid();
        var model = await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}", Token);
        Assert.Equal("lora", model.GetProperty("kind").GetString());
        Assert.Equal("Qwen/Qwen2.5-0.5B-Instruct", model.GetProperty("base_model").GetString());
        var adapter = model.GetProperty("artifacts").GetProperty("adapter");
        Assert.Equal("qwen2.5:0.5b", adapter.GetProperty("ollama_base").GetString());
        Assert.EndsWith($"/lora/{jobId:N}/adapter", adapter.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(new Uri(adapter.GetProperty("location").GetString()!).LocalPath, "adapter_model.safetensors")));
        Assert.Equal(0.42, model.GetProperty("metrics").GetProperty("training").GetProperty("train_loss").GetDouble());
        Assert.Equal(0, model.GetProperty("metrics").GetProperty("test").GetProperty("n").GetInt32());
        var trained = await fixture.Trained.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(10), Token);
        using var envelope = JsonDocument.Parse(trained.Single().Envelope);
        var message = envelope.RootElement.GetProperty("message");
        Assert.Equal("lora", message.GetProperty("kind").GetString());
        Assert.Equal(0, message.GetProperty("testExamples").GetInt32());
        Assert.Equal(1, fixture.Kubernetes.Created(jobId));
    }

    [Fact]
    public async Task LoraJob_WhoseKubernetesJobFails_FailsWithThePodsReason()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = await PostFruitJobAsync(client);
        await fixture.Kubernetes!.WaitForJobAsync(jobId, TimeSpan.FromSeconds(60));

        fixture.Kubernetes.Fail(jobId, "Error", 1, "Loading the base model\nerror: training failed: CUDA out of memory");
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        var error = job.GetProperty("error").GetString()!;
        Assert.Contains("error: training failed: CUDA out of memory", error, StringComparison.Ordinal);
        Assert.Contains("exit code 1", error, StringComparison.Ordinal);
        Assert.Contains("BackoffLimitExceeded", error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("model_id").ValueKind);
    }

    [Fact]
    public async Task Cancel_OfARunningLoraJob_DeletesTheKubernetesJob()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = await PostFruitJobAsync(client);
        await fixture.Kubernetes!.WaitForJobAsync(jobId, TimeSpan.FromSeconds(60));
        await JobPolling.WaitAsync(client, jobId, j => Phase(j) == "running", TimeSpan.FromSeconds(30));

        using var cancel = await client.PostAsync($"/api/finetune-jobs/{jobId}/cancel", null, Token);
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(30));

        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.True(fixture.Kubernetes.Deleted(jobId));
    }

    [Fact]
    public async Task LoraJob_WhoseTrainerLeavesNoAdapter_Fails()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var jobId = await PostFruitJobAsync(client);
        await fixture.Kubernetes!.WaitForJobAsync(jobId, TimeSpan.FromSeconds(60));
        fixture.Kubernetes.Succeed(jobId, writeResult: false, writeWeights: false);

        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("adapter_model.safetensors", job.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<Guid> PostFruitJobAsync(HttpClient client)
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", FruitTask.Calls(taskId.ToString("N")[..8], count: 60, seed: 3));
        return await PostAsync(client, new { task_id = taskId, kind = Qwen, dataset = new { near_duplicate_threshold = 1.0 } });
    }

    private static async Task<Guid> PostAsync(HttpClient client, object body)
    {
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", body, Token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
    }

    private static string? Phase(JsonElement job) =>
        job.GetProperty("progress") is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("phase", out var phase) ? phase.GetString() : null;

    private static string Argument(List<string> args, string name) => args[args.IndexOf(name) + 1];
}
