using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SlmPlatform.Testing;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// A fine-tune running while the fault strikes, as a tenant would start one: labelled calls (their texts carrying the
/// run's canaries) captured through ingest and filed into a task by task discovery, then a classifier-head job on that
/// task, started and caught running. It runs under the second tenant so that the checker's count of the first
/// tenant's calls is untouched. <see cref="OutcomeAsync"/> waits for the job to end and says whether it was trained
/// once: succeeded, one model, evaluated as served once.
/// </summary>
internal sealed class TrainingJob
{
    public const string Agent = "fault-suite-router";
    private const int CallsPerIntent = 50;

    private static readonly Dictionary<string, string[]> Intents = new()
    {
        ["refund"] = ["I want my money back for order", "Please refund the broken kettle from order", "Return and refund order"],
        ["track"] = ["Where is my order", "Has order shipped yet", "Track the parcel for order"],
        ["cancel"] = ["Cancel order before it ships", "I no longer need order, cancel it", "Stop order, I ordered by mistake"],
    };

    private readonly FaultPlatform _platform;

    private TrainingJob(FaultPlatform platform, Guid jobId)
    {
        _platform = platform;
        JobId = jobId;
    }

    public Guid JobId { get; }

    public static async Task<TrainingJob> StartAsync(FaultPlatform platform, Canaries canaries, CancellationToken cancellationToken)
    {
        using var ingest = Client(platform, FaultPlatform.Ingest);
        var lines = Intents.SelectMany(intent => Enumerable.Range(0, CallsPerIntent).Select(n => JsonSerializer.Serialize(new
        {
            id = $"train-{intent.Key}-{n}",
            agent = Agent,
            request = new { messages = new[] { new { role = "user", content = $"{intent.Value[n % 3]} {4000 + n}. Mail {canaries.Email(n)}, card {canaries.Card(n)}." } } },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent = intent.Key }) } } } },
        })));
        using (var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), cancellationToken))
        {
            posted.EnsureSuccessStatusCode();
        }

        using var tasks = Client(platform, FaultPlatform.Tasks);
        var taskId = await WaitAsync("the training calls to be filed", async () =>
        {
            var listed = await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", cancellationToken);
            return listed.EnumerateArray().FirstOrDefault(t => t.GetProperty("agent").GetString() == Agent && t.GetProperty("calls").GetInt64() == Intents.Count * CallsPerIntent)
                is { ValueKind: JsonValueKind.Object } task ? task.GetProperty("id").GetGuid() : (Guid?)null;
        }, cancellationToken);

        using var training = Client(platform, FaultPlatform.Training);
        using var created = await training.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            kind = "classifier-head",
            // Long enough on two cores to be killed mid-run and taken over after the lease runs out.
            hyperparameters = new { hidden_units = 2048, ensemble_members = 2, max_epochs = 400, patience = 1000 },
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var job = new TrainingJob(platform, (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid());
        await WaitAsync("the fine-tune to run", async () => await job.ReadAsync(training, cancellationToken) is { } read
            && read.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object && progress.TryGetProperty("epoch", out _) ? true : (bool?)null,
            cancellationToken);
        return job;
    }

    /// <summary>Null when it was trained once; otherwise what went wrong.</summary>
    public async Task<string?> OutcomeAsync(CancellationToken cancellationToken)
    {
        using var training = Client(_platform, FaultPlatform.Training);
        var job = await WaitAsync("the fine-tune to end", async () => await ReadAsync(training, cancellationToken) is { } read
            && read.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled" ? read : (JsonElement?)null, cancellationToken, TimeSpan.FromMinutes(10));
        Summary = $"job {job.GetProperty("state").GetString()} on attempt {job.GetProperty("attempts").GetInt32()}";
        if (job.GetProperty("state").GetString() != "succeeded")
        {
            return $"fine-tune {Summary}: {job.GetProperty("error")}";
        }

        var models = await TestDatabase.CountAsync(_platform.TrainingDb!, "select count(*) from models where job_id = $1", cancellationToken, JobId);
        var evaluated = await WaitAsync("the model's evaluation", async () => await TestDatabase.CountAsync(
            _platform.TrainingDb!, "select count(*) from model_evaluations e join models m on m.model_id = e.model_id where m.job_id = $1", cancellationToken, JobId) is > 0 and var n ? n : (long?)null,
            cancellationToken);
        Summary += $", {models} model, evaluated {evaluated} time(s)";
        return models == 1 && evaluated == 1 ? null : $"fine-tune: {Summary}";
    }

    /// <summary>What became of the job, once <see cref="OutcomeAsync"/> has run.</summary>
    public string Summary { get; private set; } = "not finished";

    private async Task<JsonElement?> ReadAsync(HttpClient training, CancellationToken cancellationToken)
    {
        try
        {
            return await training.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{JobId}", cancellationToken);
        }
        catch (HttpRequestException)
        {
            // Training is down (the fault): ask again.
            return null;
        }
    }

    private static HttpClient Client(FaultPlatform platform, string service)
    {
        var http = new HttpClient { BaseAddress = platform.Address(service), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.NoisyApiKey);
        return http;
    }

    private static Task<T> WaitAsync<T>(string what, Func<Task<T?>> read, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : struct =>
        Polling.UntilAsync(what, read, timeout ?? TimeSpan.FromSeconds(120), cancellationToken);
}
