using System.Net.Sockets;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// The training service with base-model baselines and a judge configured (Evaluation:Baselines, Evaluation:Judge),
/// both answered by a <see cref="ScriptedModels"/>; or, in <see cref="UnreachableBaselineFixture"/>, pointed at a port
/// where nothing listens. Its own databases and virtual host, as <see cref="TrainingFixture"/>'s.
/// </summary>
public class BaselineFixture : IAsyncLifetime
{
    public const string Tenant = "tenant-baseline-tests";
    public const string BaseModel = "qwen2.5:0.5b";
    public const string JudgeModel = "judge-llm";
    public const string JudgeKey = "sk-judge-test-3b9e";

    private readonly bool _reachable;
    private string _artifacts = null!;

    public BaselineFixture()
        : this(reachable: true)
    {
    }

    protected BaselineFixture(bool reachable) => _reachable = reachable;

    public TrainingFactory Service { get; private set; } = null!;

    public InMemoryTaskCalls Calls { get; } = new();

    public string ApiKey { get; private set; } = null!;

    public CapturingQueue Evaluated { get; private set; } = null!;

    public ScriptedServing Serving { get; private set; } = null!;

    public ScriptedModels Models { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = await TestDatabase.CreateAsync("platformdb", token);
        var trainingDb = await TestDatabase.CreateAsync("trainingdb", token);
        var messaging = await TestVirtualHost.CreateAsync(token);
        _artifacts = Path.Combine(Path.GetTempPath(), $"slm-baseline-tests-{Guid.NewGuid():N}");
        ApiKey = await TestApiKeys.CreateAsync(platformDb, Tenant, token);
        Evaluated = await CapturingQueue.BindAsync(messaging, typeof(ModelEvaluated), token);
        Serving = await ScriptedServing.StartAsync();
        Models = await ScriptedModels.StartAsync();
        var endpoint = _reachable ? Models.BaseUrl.ToString() : $"http://127.0.0.1:{ClosedPort()}/v1";
        Service = new TrainingFactory(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:platformdb"] = platformDb,
                ["ConnectionStrings:trainingdb"] = trainingDb,
                ["ConnectionStrings:messaging"] = messaging,
                ["Training:ArtifactsPath"] = _artifacts,
                ["Evaluation:ServingUrl"] = Serving.BaseUrl.ToString(),
                ["Platform:ServiceKey"] = ScriptedServing.ServiceKey,
                ["Evaluation:Baselines:Url"] = endpoint,
                ["Evaluation:Baselines:Model"] = BaseModel,
                ["Evaluation:Baselines:Shots"] = "3",
                ["Evaluation:Judge:Url"] = endpoint,
                ["Evaluation:Judge:Model"] = JudgeModel,
                ["Evaluation:Judge:ApiKey"] = JudgeKey,
            },
            Calls);

        using var client = Service.CreateClient();
        for (var attempt = 0; attempt < 100 && !(await client.GetAsync("/health", token)).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(100, token);
        }
    }

    /// <summary>Trains a router specialist on the calls and waits for its automatic evaluation; the evaluation row.</summary>
    public async Task<JsonElement> TrainAndEvaluateAsync(HttpClient client, IReadOnlyList<SourceCall> calls, string outputKind, TimeSpan evaluationWithin)
    {
        var token = TestContext.Current.CancellationToken;
        var taskId = Guid.NewGuid();
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
        var modelId = job.GetProperty("model_id").GetGuid();
        await Evaluated.WaitForAsync(modelId.ToString(), 1, evaluationWithin, token);
        return Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", token)).EnumerateArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (Evaluated is not null)
        {
            await Evaluated.DisposeAsync();
        }

        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (Serving is not null)
        {
            await Serving.DisposeAsync();
        }

        if (Models is not null)
        {
            await Models.DisposeAsync();
        }

        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    // A port that was free a moment ago and that nothing listens on: connections to it are refused.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Baselines and judge configured at an endpoint that cannot be reached.</summary>
public sealed class UnreachableBaselineFixture() : BaselineFixture(reachable: false);
