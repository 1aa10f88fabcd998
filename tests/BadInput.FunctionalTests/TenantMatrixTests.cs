using System.Net.Http.Json;
using System.Text.Json;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// Principals × endpoints: no key, an unknown, revoked or expired key, tenant A's capture-only and read-only keys, and
/// tenant B's admin key, against tenant A's call, task (its topics, promotions and curation), job and keys, and every
/// list and per-tenant setting of every service (datasets, models, deployments, specialists, usage, savings, prices,
/// the promotion policy, parked calls, the privacy report). Each must get 401, 403 or 404 as specified (B never
/// learns that A's ids exist; B's lists hold none of A's; B changing its own prices and policy changes none of A's),
/// and A's state must be what it was.
/// </summary>
public sealed class TenantMatrixTests(PlatformUnderTest platform) : IClassFixture<PlatformUnderTest>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPrincipal_OnEveryEndpoint_GetsWhatItsKeyAllows_AndTenantAsStateIsUnchanged()
    {
        var a = await SeedTenantAAsync();
        var principals = await PrincipalsAsync();
        var before = await SnapshotAsync(a);
        var failures = new List<string>();

        foreach (var endpoint in Endpoints(a))
        {
            foreach (var (principal, key) in principals)
            {
                var (status, body) = await SendAsync(endpoint, key);
                if (Expected(principal, endpoint) is var expected && !expected.Matches(status, body, a))
                {
                    failures.Add($"{principal} {endpoint.Method} {endpoint.Service}{endpoint.Path}: {status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await SnapshotAsync(a));
    }

    private static Expectation Expected(string principal, Endpoint endpoint) => principal switch
    {
        "no key" or "unknown key" or "revoked key" or "expired key" => Expectation.Status(401),
        "A capture-only" => endpoint.Scope == ApiScopes.Capture ? Expectation.NotRefused : Expectation.Status(403),
        "A read-only" => endpoint.Scope == ApiScopes.Read ? Expectation.NotRefused : Expectation.Status(403),
        _ => endpoint.IsList ? Expectation.NoneOfA
            : endpoint.IsTenantsOwn ? Expectation.Succeeds
            : endpoint.Scope == ApiScopes.Capture && !endpoint.NamesA ? Expectation.NotRefused
            : Expectation.Status(404),
    };

    private async Task<TenantA> SeedTenantAAsync()
    {
        using var ingest = Authorized("ingest", platform.ApiKey);
        var callId = $"matrix-{Guid.NewGuid():N}";
        using (var posted = await ingest.PostAsJsonAsync("/v1/calls", new
        {
            id = callId,
            agent = "matrix-agent",
            request = new { messages = new[] { new { role = "user", content = "Where is my parcel?" } } },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"intent\":\"delivery\"}" } } } },
        }, Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        using var tasks = Authorized("tasks", platform.ApiKey);
        var taskList = await Eventually.ReadAsync(
            async () => await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", Token), t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(60), Token, TimeSpan.FromMilliseconds(250));
        var taskId = taskList[0].GetProperty("id").GetGuid();

        using var training = Authorized("training", platform.ApiKey);
        using var job = await training.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, client_job_id = "matrix" }, Token);
        var jobId = (await job.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();

        using var gateway = Authorized("gateway", platform.ApiKey);
        using var issued = await gateway.PostAsJsonAsync("/api/keys", new { name = "matrix agent", scopes = new[] { "capture" } }, Token);
        var keyId = (await issued.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("info").GetProperty("key_id").GetGuid();
        var (datasetId, modelId) = await TrainedModelSeed.SeedAsync(platform, PlatformUnderTest.TenantId, taskId, jobId, callId, Token);

        // A's specialist answers A once, so that it is loaded before the snapshot as after A's own keys use it.
        using var serving = Authorized("serving", platform.ApiKey);
        using (var answered = await serving.PostAsJsonAsync("/v1/chat/completions", Ask(modelId), Token))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        return new TenantA(callId, taskId, jobId, keyId, datasetId, modelId);
    }

    private async Task<List<(string Name, string? Key)>> PrincipalsAsync()
    {
        var db = platform.PlatformDb;
        var revoked = await TestApiKeys.CreateAsync(db, PlatformUnderTest.TenantId, Token);
        await TestDatabase.CountAsync(db, "with r as (update api_keys set revoked_at = now() where key_hash = $1 returning 1) select count(*) from r", Token, ApiKey.Hash(revoked));
        return
        [
            ("no key", null),
            ("unknown key", ApiKey.Generate()),
            ("revoked key", revoked),
            ("expired key", await TestApiKeys.CreateAsync(db, PlatformUnderTest.TenantId, ApiScopes.All, DateTimeOffset.UtcNow.AddMinutes(-1), Token)),
            ("A capture-only", await TestApiKeys.CreateAsync(db, PlatformUnderTest.TenantId, [ApiScopes.Capture], null, Token)),
            ("A read-only", await TestApiKeys.CreateAsync(db, PlatformUnderTest.TenantId, [ApiScopes.Read], null, Token)),
            ("B admin", await TestApiKeys.CreateAsync(db, "tenant-matrix-b", Token)),
        ];
    }

    private static IEnumerable<Endpoint> Endpoints(TenantA a) =>
    [
        new("calls", HttpMethod.Get, $"/api/calls/{a.CallId}", ApiScopes.Read),
        new("calls", HttpMethod.Get, "/api/calls", ApiScopes.Read, IsList: true),
        new("calls", HttpMethod.Post, "/api/calls/lookup", ApiScopes.Read, new { ids = new[] { a.CallId } }, IsList: true),
        new("tasks", HttpMethod.Get, $"/api/tasks/{a.TaskId}", ApiScopes.Read),
        new("tasks", HttpMethod.Get, $"/api/tasks/{a.TaskId}/calls", ApiScopes.Read),
        new("tasks", HttpMethod.Get, "/api/tasks", ApiScopes.Read, IsList: true),
        new("tasks", HttpMethod.Put, $"/api/tasks/{a.TaskId}/specialist", ApiScopes.Admin, new { model_id = Guid.NewGuid() }),
        new("tasks", HttpMethod.Delete, $"/api/tasks/{a.TaskId}/specialist", ApiScopes.Admin),
        new("tasks", HttpMethod.Get, $"/api/tasks/{a.TaskId}/topics", ApiScopes.Read),
        new("tasks", HttpMethod.Post, $"/api/tasks/{a.TaskId}/topics/recluster", ApiScopes.Admin),
        new("tasks", HttpMethod.Get, $"/api/tasks/{a.TaskId}/promotions", ApiScopes.Read),
        new("tasks", HttpMethod.Get, $"/api/tasks/{a.TaskId}/promotion", ApiScopes.Read),
        new("tasks", HttpMethod.Post, $"/api/tasks/{a.TaskId}/promotions/{Guid.NewGuid()}/approve", ApiScopes.Admin),
        new("tasks", HttpMethod.Post, $"/api/tasks/{a.TaskId}/promotions/{Guid.NewGuid()}/reject", ApiScopes.Admin),
        new("tasks", HttpMethod.Patch, $"/api/tasks/{a.TaskId}", ApiScopes.Admin, new { name = "renamed-by-another" }),
        new("tasks", HttpMethod.Post, $"/api/tasks/{a.TaskId}/merge", ApiScopes.Admin, new { task_ids = new[] { Guid.NewGuid() } }),
        new("tasks", HttpMethod.Post, $"/api/tasks/{a.TaskId}/split", ApiScopes.Admin, new { topic_ids = new[] { 0 }, name = "split-by-another" }),
        new("tasks", HttpMethod.Get, "/api/promotions", ApiScopes.Read, IsList: true),
        new("tasks", HttpMethod.Get, "/api/savings", ApiScopes.Read, IsList: true),
        new("tasks", HttpMethod.Get, "/api/usage", ApiScopes.Read, IsList: true),
        new("tasks", HttpMethod.Get, "/api/prices", ApiScopes.Read, IsList: true),
        new("tasks", HttpMethod.Put, "/api/prices/matrix-model", ApiScopes.Admin, new { input_per_million = 9.5, output_per_million = 19.5 }, IsTenantsOwn: true),
        new("tasks", HttpMethod.Get, "/api/promotion-policy", ApiScopes.Read, IsTenantsOwn: true),
        new("tasks", HttpMethod.Put, "/api/promotion-policy", ApiScopes.Admin, new { approval = "manual" }, IsTenantsOwn: true),
        new("training", HttpMethod.Get, $"/api/finetune-jobs/{a.JobId}", ApiScopes.Read),
        new("training", HttpMethod.Get, "/api/finetune-jobs", ApiScopes.Read, IsList: true),
        new("training", HttpMethod.Post, $"/api/finetune-jobs/{a.JobId}/cancel", ApiScopes.Admin),
        new("training", HttpMethod.Get, "/api/datasets", ApiScopes.Read, IsList: true),
        new("training", HttpMethod.Get, "/api/models", ApiScopes.Read, IsList: true),
        new("training", HttpMethod.Get, $"/api/models?task_id={a.TaskId}", ApiScopes.Read, IsList: true),
        new("training", HttpMethod.Get, $"/api/datasets/{a.DatasetId}", ApiScopes.Read),
        new("training", HttpMethod.Get, $"/api/datasets/{a.DatasetId}/export?format=openai", ApiScopes.Read),
        new("training", HttpMethod.Get, $"/api/models/{a.ModelId}", ApiScopes.Read),
        new("training", HttpMethod.Get, $"/api/models/{a.ModelId}/evaluations", ApiScopes.Read),
        new("training", HttpMethod.Post, $"/api/models/{a.ModelId}/evaluations", ApiScopes.Admin, new { }),
        new("serving", HttpMethod.Post, "/v1/chat/completions", ApiScopes.Capture, Ask(a.ModelId), NamesA: true),
        new("serving", HttpMethod.Post, "/api/chat", ApiScopes.Capture, Ask(a.ModelId, stream: false), NamesA: true),
        new("serving", HttpMethod.Post, "/api/show", ApiScopes.Capture, new { model = a.ModelId.ToString() }, NamesA: true),
        new("serving", HttpMethod.Post, "/api/deployments", ApiScopes.Admin, new { model_id = a.ModelId.ToString(), target = "embedded" }),
        new("serving", HttpMethod.Get, "/api/deployments", ApiScopes.Read, IsList: true),
        new("serving", HttpMethod.Get, "/v1/models", ApiScopes.Capture, IsList: true),
        new("serving", HttpMethod.Get, "/api/tags", ApiScopes.Capture, IsList: true),
        new("calls", HttpMethod.Get, "/api/parked-calls", ApiScopes.Read, IsList: true),
        new("calls", HttpMethod.Get, "/api/scrub/report", ApiScopes.Read, IsTenantsOwn: true),
        new("calls", HttpMethod.Post, "/api/erasures", ApiScopes.Admin, new { call_id = a.CallId }),
        new("gateway", HttpMethod.Get, "/api/keys", ApiScopes.Admin, IsList: true),
        new("gateway", HttpMethod.Delete, $"/api/keys/{a.KeyId}", ApiScopes.Admin),
        new("ingest", HttpMethod.Post, "/v1/calls", ApiScopes.Capture, new { id = "matrix-probe", agent = "probe", request = new { messages = Array.Empty<object>() }, response = new { } }),
    ];

    private static object Ask(Guid model, bool? stream = null) =>
        new { model = model.ToString(), messages = new[] { new { role = "user", content = "Where is my parcel?" } }, stream };

    /// <summary>What tenant A has, read with A's own admin key: it must not move while the others try.</summary>
    private async Task<string> SnapshotAsync(TenantA a)
    {
        using var calls = Authorized("calls", platform.ApiKey);
        using var training = Authorized("training", platform.ApiKey);
        using var gateway = Authorized("gateway", platform.ApiKey);
        using var tasks = Authorized("tasks", platform.ApiKey);
        var call = await calls.GetStringAsync($"/api/calls/{a.CallId}", Token);
        var job = await training.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{a.JobId}", Token);
        var keys = await gateway.GetStringAsync("/api/keys", Token);
        var task = await tasks.GetFromJsonAsync<JsonElement>($"/api/tasks/{a.TaskId}", Token);
        var prices = await tasks.GetStringAsync("/api/prices", Token);
        var policy = await tasks.GetStringAsync("/api/promotion-policy", Token);
        var topics = await tasks.GetStringAsync($"/api/tasks/{a.TaskId}/topics", Token);
        var dataset = await training.GetStringAsync($"/api/datasets/{a.DatasetId}", Token);
        var model = await training.GetStringAsync($"/api/models/{a.ModelId}", Token);
        var evaluations = await training.GetStringAsync($"/api/models/{a.ModelId}/evaluations", Token);
        using var serving = Authorized("serving", platform.ApiKey);
        var specialists = await serving.GetStringAsync("/api/tags", Token);
        var deployments = await serving.GetStringAsync("/api/deployments", Token);
        return string.Join(
            '\n', call, job.GetProperty("cancel_requested").GetRawText(), keys, task.GetProperty("specialist").GetRawText(),
            task.GetProperty("task").GetRawText(), prices, policy, topics, dataset, model, evaluations, specialists, deployments);
    }

    private async Task<(int Status, string Body)> SendAsync(Endpoint endpoint, string? key)
    {
        using var client = platform.Client(endpoint.Service);
        using var request = new HttpRequestMessage(endpoint.Method, endpoint.Path);
        if (endpoint.Body is not null)
        {
            request.Content = JsonContent.Create(endpoint.Body);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request, Token);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private HttpClient Authorized(string service, string key)
    {
        var client = platform.Client(service);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private sealed record TenantA(string CallId, Guid TaskId, Guid JobId, Guid KeyId, string DatasetId, Guid ModelId)
    {
        public IEnumerable<string> Ids => [CallId, TaskId.ToString(), JobId.ToString(), KeyId.ToString(), DatasetId, ModelId.ToString()];
    }

    /// <summary>
    /// An endpoint to try; <paramref name="IsList"/>: it answers the caller's tenant's list, where B must find none of
    /// A's ids; <paramref name="IsTenantsOwn"/>: it reads or sets the caller's tenant's own setting, which B may do to
    /// its own while A's stays as it was; <paramref name="NamesA"/>: a capture endpoint whose body names one of A's
    /// resources (a model to answer with), which B must not find.
    /// </summary>
    private sealed record Endpoint(
        string Service, HttpMethod Method, string Path, string Scope, object? Body = null, bool IsList = false, bool IsTenantsOwn = false, bool NamesA = false);

    /// <summary>
    /// A status to get, or: not refused for want of a key or scope; or: answered, with none of tenant A's ids; or:
    /// done (2xx), on the caller's own tenant.
    /// </summary>
    private sealed record Expectation(int? Exactly, bool ListWithoutA, bool Done = false)
    {
        public static readonly Expectation NotRefused = new(null, false);
        public static readonly Expectation NoneOfA = new(null, true);
        public static readonly Expectation Succeeds = new(null, false, Done: true);

        public static Expectation Status(int status) => new(status, false);

        public bool Matches(int status, string body, TenantA a) =>
            Exactly is { } exactly ? status == exactly
            : Done ? status is >= 200 and < 300
            : ListWithoutA ? status == 200 && !a.Ids.Any(id => body.Contains(id, StringComparison.Ordinal))
            : status is not (401 or 403) and < 500;

        public override string ToString() =>
            Exactly?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (Done ? "2xx" : ListWithoutA ? "200 without A's ids" : "not 401/403/5xx");
    }
}
