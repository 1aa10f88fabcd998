using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Training.FunctionalTests;

public sealed class GenerativeJobTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const int Epochs = 10;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerativeJob_OnAJsonTask_RunsToCompletionWithProgress_ScoresExactMatch_AndStoresAGguf()
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", FruitTask.Calls(taskId.ToString("N")[..8], count: 500, seed: 5));
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            kind = "generative",
            hyperparameters = new
            {
                tokenizer = "character", dimension = 32, heads = 2, layers = 2, feed_forward = 64, context_length = 48,
                max_epochs = Epochs, batch_size = 16, learning_rate = 0.01, warmup_steps = 10, dropout = 0, l2 = 0,
            },
            // Only identical inputs count as duplicates: the toy prompts differ in a few letters by design.
            dataset = new { near_duplicate_threshold = 1.0 },
        }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(240));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(job.GetProperty("state").GetString() == "succeeded", job.ToString());
        Assert.Equal(Epochs, JobPolling.Epoch(job));
        var model = await client.GetFromJsonAsync<JsonElement>($"/api/models/{job.GetProperty("model_id").GetGuid()}", Token);
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{job.GetProperty("dataset_id").GetString()}", Token);
        var test = model.GetProperty("metrics").GetProperty("test");
        Assert.Equal("generative", model.GetProperty("kind").GetString());
        Assert.Equal(dataset.GetProperty("splits").GetProperty("test").GetInt32(), test.GetProperty("n").GetInt32());
        var exactMatch = test.GetProperty("exact_match").GetDouble();
        Assert.True(exactMatch >= 0.5, $"held-out exact match {exactMatch}");
        var ci = test.GetProperty("exact_match_ci95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(ci[0] <= exactMatch && exactMatch <= ci[1]);

        // The artifact is what serving loads: a GGUF that llama.cpp runs, answering in the teacher's format.
        var gguf = model.GetProperty("artifacts").GetProperty("gguf");
        Assert.Equal("gguf-q8_0", gguf.GetProperty("format").GetString());
        var path = new Uri(gguf.GetProperty("location").GetString()!).LocalPath;
        using (var specialist = GgufSpecialist.Load(path, threads: 1))
        {
            Assert.StartsWith("{\"colour\": \"", specialist.Generate("xy apple q"), StringComparison.Ordinal);
        }

        var progressed = await fixture.Progressed.WaitForAsync(jobId.ToString(), Epochs, TimeSpan.FromSeconds(10), Token);
        Assert.True(progressed.Count >= Epochs);
        var trained = await fixture.Trained.WaitForAsync(model.GetProperty("id").GetGuid().ToString(), 1, TimeSpan.FromSeconds(10), Token);
        Assert.Single(trained);
    }

    [Fact]
    public async Task Post_GenerativeJobWithAShapeLlamaCppCannotHold_ReturnsAProblemNamingTheField()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var response = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = Guid.NewGuid(),
            kind = "generative",
            hyperparameters = new { dimension = 48, tokenizer = "bpe" },
        }, Token);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("hyperparameters.tokenizer", out _), errors.ToString());
    }
}
