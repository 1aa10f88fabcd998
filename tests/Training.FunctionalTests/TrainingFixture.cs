namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// The training service on fresh databases and its own virtual host, with short leases and sweeps so that takeovers
/// happen in seconds; with a GPU trainer (a <see cref="ScriptedKubernetes"/> API server) where a subclass asks for one.
/// </summary>
public class TrainingFixture : IAsyncLifetime
{
    private readonly bool _gpu;

    public TrainingFixture()
        : this(gpu: false)
    {
    }

    protected TrainingFixture(bool gpu) => _gpu = gpu;

    public const string Tenant = "tenant-training-tests";

    public TrainingFactory Service { get; private set; } = null!;

    /// <summary>The service's settings, for a second replica on the same databases, queues and artifact store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = null!;

    public InMemoryTaskCalls Calls { get; } = new();

    public string ApiKey { get; private set; } = null!;

    public string TrainingDb { get; private set; } = null!;

    /// <summary>The platform database, for keys of another tenant.</summary>
    public string PlatformDb { get; private set; } = null!;

    public CapturingQueue Progressed { get; private set; } = null!;

    public CapturingQueue Trained { get; private set; } = null!;

    public CapturingQueue Evaluated { get; private set; } = null!;

    public CapturingQueue Refused { get; private set; } = null!;

    /// <summary>What trained models are evaluated against: the serving service's stand-in.</summary>
    public ScriptedServing Serving { get; private set; } = null!;

    /// <summary>The Kubernetes API server of the GPU trainer; null without one.</summary>
    public ScriptedKubernetes? Kubernetes { get; private set; }

    private string _artifacts = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = PlatformDb = await TestDatabase.CreateAsync("platformdb", token);
        TrainingDb = await TestDatabase.CreateAsync("trainingdb", token);
        var messaging = await TestVirtualHost.CreateAsync(token);
        _artifacts = Path.Combine(Path.GetTempPath(), $"slm-training-tests-{Guid.NewGuid():N}");
        ApiKey = await TestApiKeys.CreateAsync(platformDb, Tenant, token);
        Progressed = await CapturingQueue.BindAsync(messaging, typeof(FineTuneProgressed), token);
        Trained = await CapturingQueue.BindAsync(messaging, typeof(ModelTrained), token);
        Evaluated = await CapturingQueue.BindAsync(messaging, typeof(ModelEvaluated), token);
        Refused = await CapturingQueue.BindAsync(messaging, typeof(ModelEvaluationRefused), token);
        Serving = await ScriptedServing.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:trainingdb"] = TrainingDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["Training:ArtifactsPath"] = _artifacts,
            ["Training:LeaseSeconds"] = "3",
            ["Training:SweepSeconds"] = "1",
            ["Training:MaxAttempts"] = "2",
            ["Evaluation:ServingUrl"] = Serving.BaseUrl.ToString(),
            ["Platform:ServiceKey"] = ScriptedServing.ServiceKey,
        };
        if (_gpu)
        {
            Kubernetes = await ScriptedKubernetes.StartAsync(_artifacts);
            settings["Training:Kubernetes:ApiServer"] = Kubernetes.BaseUrl.ToString();
            settings["Training:Kubernetes:Namespace"] = "slm-tests";
            settings["Training:Kubernetes:Image"] = "slm-platform/lora-trainer:test";
            settings["Training:Kubernetes:PollInterval"] = "00:00:00.200";
        }

        Settings = settings;
        Service = new TrainingFactory(settings, Calls);

        using var client = Service.CreateClient();
        for (var attempt = 0; attempt < 100 && !(await client.GetAsync("/health", token)).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(100, token);
        }
    }

    /// <summary>
    /// Trains a small classifier head on a fresh task of intent-router calls (each reshaped by <paramref name="reshape"/>)
    /// that serving's stand-in has learned to answer, and returns the model once the job has succeeded.
    /// </summary>
    public async Task<Guid> TrainRouterModelAsync(
        HttpClient client, Func<SlmPlatform.Specialists.Datasets.SourceCall, SlmPlatform.Specialists.Datasets.SourceCall>? reshape = null, string outputKind = "json")
    {
        var token = TestContext.Current.CancellationToken;
        var taskId = Guid.NewGuid();
        var calls = InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 40).Select(reshape ?? (c => c)).ToList();
        Calls.Add(Tenant, taskId, outputKind, calls);
        Serving.Teach(calls);
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            hyperparameters = new { hidden_units = 16, ensemble_members = 1, max_epochs = 10, patience = 3 },
            dataset = new { near_duplicate_threshold = 0.995 },
        }, token);
        var job = await JobPolling.WaitAsync(client, (await posted.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetGuid(), JobPolling.IsFinal, TimeSpan.FromSeconds(90));
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        return job.GetProperty("model_id").GetGuid();
    }

    /// <summary>
    /// Queues a job for a fresh task of <paramref name="tenant"/> (the fixture's by default) that trains for as long
    /// as the hyper-parameters' limits allow (minutes here): for tests that cancel or time it out long before it ends.
    /// </summary>
    public async Task<Guid> StartEndlessJobAsync(HttpClient client, int? timeLimitSeconds = null, string tenant = Tenant)
    {
        var token = TestContext.Current.CancellationToken;
        var taskId = Guid.NewGuid();
        Calls.Add(tenant, taskId, "json", InMemoryTaskCalls.Router(taskId.ToString("N")[..8], perIntent: 20));
        using var posted = await client.PostAsJsonAsync("/api/finetune-jobs", new
        {
            task_id = taskId,
            kind = "classifier-head",
            time_limit_seconds = timeLimitSeconds,
            hyperparameters = new { hidden_units = 4096, ensemble_members = 4, max_epochs = 1000, patience = 1000 },
        }, token);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in new[] { Progressed, Trained, Evaluated, Refused })
        {
            if (queue is not null)
            {
                await queue.DisposeAsync();
            }
        }

        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Serving is not null)
        {
            await Serving.DisposeAsync();
        }

        if (Kubernetes is not null)
        {
            await Kubernetes.DisposeAsync();
        }

        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The training service with a GPU trainer configured: Training:Kubernetes:ApiServer names a <see cref="ScriptedKubernetes"/>.</summary>
public sealed class GpuTrainingFixture() : TrainingFixture(gpu: true);
