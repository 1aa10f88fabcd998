namespace SlmPlatform.Training.FunctionalTests;

public sealed class FineTuneJobsTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_OnARouterTask_RunsToCompletionWithProgressAndRegistersItsModel()
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 40));
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            hyperparameters = new { hidden_units = 32, ensemble_members = 2, max_epochs = 40, patience = 4, learning_rate = 0.01 },
            dataset = new { near_duplicate_threshold = 0.995 },
        }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal("classifier-head", job.GetProperty("selection").GetProperty("choice").GetProperty("id").GetString());
        var modelId = job.GetProperty("model_id").GetGuid();
        var model = await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}", Token);
        var test = model.GetProperty("metrics").GetProperty("test");
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{job.GetProperty("dataset_id").GetString()}", Token);
        Assert.Equal(dataset.GetProperty("splits").GetProperty("test").GetInt32(), test.GetProperty("n").GetInt32());
        Assert.True(test.GetProperty("n").GetInt32() >= 9);
        Assert.True(test.GetProperty("accuracy").GetDouble() >= 0.75, $"held-out accuracy {test.GetProperty("accuracy")}");
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", model.GetProperty("base_model").GetString());
        // The artifact is what serving loads: it answers in the teacher's format.
        var path = new Uri(model.GetProperty("artifacts").GetProperty("head").GetProperty("location").GetString()!).LocalPath;
        await using (var file = File.OpenRead(path))
        {
            var head = SlmPlatform.Specialists.Artifacts.ClassifierHeadArtifact.Read(file);
            Assert.Equal("{\"intent\":\"lost_card\"}", head.Answers["lost_card"]);
            Assert.Equal(3, head.Labels.Count);
        }
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/models?task_id={taskId}", Token);
        Assert.Equal(modelId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());

        var progressed = await fixture.Progressed.WaitForAsync(jobId.ToString(), 2, TimeSpan.FromSeconds(10), Token);
        Assert.True(progressed.Count >= 2);
        var trained = await fixture.Trained.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(10), Token);
        // The announcement is all serving's registry needs to run the model.
        var announced = Assert.Single(trained).Message<ModelTrained>();
        var stored = model.GetProperty("artifacts").GetProperty("head");
        Assert.Equal(new ModelArtifact(stored.GetProperty("key").GetString()!, stored.GetProperty("format").GetString()!), announced.Artifact);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", announced.BaseModel);
        Assert.Equal(model.GetProperty("created_at").GetDateTimeOffset(), announced.RegisteredAt);
        // Calls are scrubbed, but still nothing of their text belongs in a log line or an event.
        Assert.DoesNotContain(fixture.Service.Logs.Lines, l => l.Contains("card still has not been delivered", StringComparison.Ordinal));
        Assert.DoesNotContain(progressed.Concat(trained), m => m.Envelope.Contains("delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_OfAJobsDataset_GivesOpenAiAndHuggingFaceJsonl()
    {
        var taskId = Guid.NewGuid();
        fixture.Calls.Add(TrainingFixture.Tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 20));
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, kind = "classifier-head", hyperparameters = new { hidden_units = 8, ensemble_members = 1, max_epochs = 5 }, dataset = new { near_duplicate_threshold = 0.995 } }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(90));
        var datasetId = job.GetProperty("dataset_id").GetString();

        var openai = await client.GetStringAsync($"/api/datasets/{datasetId}/export?format=openai", Token);
        var hf = await client.GetStringAsync($"/api/datasets/{datasetId}/export?format=hf&split=train", Token);
        using var bad = await client.GetAsync($"/api/datasets/{datasetId}/export?format=csv", Token);
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{datasetId}", Token);

        var lines = openai.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var included = dataset.GetProperty("lineage").GetProperty("included_call_ids").GetArrayLength();
        Assert.Equal(included, lines.Length);
        Assert.True(included >= 50, $"{included} of 60 calls kept");
        var last = JsonDocument.Parse(lines[0]).RootElement.GetProperty("messages")[2];
        Assert.Equal("assistant", last.GetProperty("role").GetString());
        Assert.StartsWith("{\"intent\":", last.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(dataset.GetProperty("splits").GetProperty("train").GetInt32(), hf.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Post_WithTheSameIdempotencyKey_CreatesOneJob()
    {
        var taskId = Guid.NewGuid();
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var key = $"retry-{Guid.NewGuid():N}";

        using var first = await client.SendAsync(Post(new { task_id = taskId }, key), Token);
        using var second = await client.SendAsync(Post(new { task_id = taskId }, key), Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid(),
            (await second.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid());
        Assert.Equal(1, await TestDatabase.CountAsync(fixture.TrainingDb, "select count(*) from finetune_jobs where client_job_id = $1", Token, key));
    }

    [Fact]
    public async Task Post_InvalidBody_ReturnsAProblemNamingEachField()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var response = await client.PostAsJsonAsync("/api/finetune-jobs", new { kind = "gpt-5", hyperparameters = new { batch_size = 0 }, time_limit_seconds = 0 }, Token);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("task_id", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("time_limit_seconds", out _));
        Assert.True(errors.TryGetProperty("hyperparameters.batch_size", out _));
    }

    [Fact]
    public async Task Post_HyperparametersBeyondTheirLimits_Returns400NamingEach_AndQueuesNothing()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var key = $"too-big-{Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = Guid.NewGuid(),
            client_job_id = key,
            hyperparameters = new { max_epochs = 1_000_000, hidden_units = 1 << 20, layers = 500, context_length = 1 << 20 },
        }, Token);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000", errors.GetProperty("hyperparameters.max_epochs")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("hyperparameters.hidden_units", out _));
        Assert.True(errors.TryGetProperty("hyperparameters.layers", out _));
        Assert.True(errors.TryGetProperty("hyperparameters.context_length", out _));
        Assert.Equal(0, await TestDatabase.CountAsync(fixture.TrainingDb, "select count(*) from finetune_jobs where client_job_id = $1", Token, key));
    }

    [Fact]
    public async Task ListJobs_PagesATasksJobsNewestFirst_AndRefusesBadPaging()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var taskId = Guid.NewGuid();
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, client_job_id = $"list-{taskId:N}-{i}" }, Token);
            created.Add((await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid());
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs?task_id={taskId}&limit=2", Token);
        var next = first.GetProperty("next").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs?task_id={taskId}&limit=2&after={next}", Token);

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(j => j.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(created.AsEnumerable().Reverse(), listed);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        using var otherTenant = fixture.Service.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, "tenant-training-others", Token));
        Assert.Empty((await otherTenant.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs?task_id={taskId}", Token)).GetProperty("items").EnumerateArray());
        foreach (var bad in new[] { "limit=0", "limit=201", "limit=ten", "after=nonsense", "state=paused" })
        {
            using var refused = await client.GetAsync($"/api/finetune-jobs?{bad}", Token);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(bad.Split('=')[0], out _), bad);
        }
    }

    [Fact]
    public async Task Job_ForAnUnknownTask_FailsSayingWhy()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new { task_id = Guid.NewGuid() }, Token);
        var jobId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var job = await JobPolling.WaitAsync(client, jobId, JobPolling.IsFinal, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("was not found", job.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownJobAndModel_Return404_WithoutAKey_401()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        using var anonymous = fixture.Service.CreateClient();

        using var job = await client.GetAsync($"/api/finetune-jobs/{Guid.NewGuid()}", Token);
        using var model = await client.GetAsync($"/api/models/{Guid.NewGuid()}", Token);
        using var cancel = await client.PostAsync($"/api/finetune-jobs/{Guid.NewGuid()}/cancel", null, Token);
        using var noKey = await anonymous.GetAsync("/api/models", Token);

        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, model.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    private static HttpRequestMessage Post(object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/finetune-jobs") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
