using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// A stand-in for the Kubernetes API server, on real Kestrel, answering the calls the GPU trainer's launcher makes
/// (create, read status, delete a batch/v1 Job; list its pods). A created Job runs until a test scripts its end: success
/// writes what the recipe writes into the Job's <c>--output</c> folder (the artifact volume is the fixture's artifact
/// folder here), failure leaves a pod terminated with the test's reason. No cluster, no pod and no training are involved.
/// </summary>
public sealed class ScriptedKubernetes : IAsyncDisposable
{
    public const string MountPath = "/var/lib/slm/artifacts";
    private readonly WebApplication _app;
    private readonly string _artifacts;
    private readonly ConcurrentDictionary<string, Scripted> _jobs = new(StringComparer.Ordinal);

    private ScriptedKubernetes(WebApplication app, string artifacts) => (_app, _artifacts) = (app, artifacts);

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<ScriptedKubernetes> StartAsync(string artifacts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedKubernetes(app, artifacts);
        const string jobs = "/apis/batch/v1/namespaces/{ns}/jobs";
        app.MapPost(jobs, (Func<HttpContext, Task<IResult>>)server.CreateAsync);
        app.MapGet(jobs + "/{name}/status", (string name) => server.Status(name));
        app.MapDelete(jobs + "/{name}", (string name) => server.Delete(name));
        app.MapGet("/api/v1/namespaces/{ns}/pods", (string labelSelector) => server.Pods(labelSelector));
        await app.StartAsync();
        return server;
    }

    /// <summary>The Job the launcher created for a fine-tune job, as it was posted; waits for it.</summary>
    public async Task<JsonElement> WaitForJobAsync(Guid jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_jobs.ContainsKey(NameOf(jobId)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return _jobs.TryGetValue(NameOf(jobId), out var job) ? JsonSerializer.SerializeToElement(job.Posted) : throw new TimeoutException($"No Job for {jobId}.");
    }

    public int Created(Guid jobId) => _jobs.TryGetValue(NameOf(jobId), out var job) ? job.Creations : 0;

    public bool Deleted(Guid jobId) => _jobs.TryGetValue(NameOf(jobId), out var job) && job.Deleted;

    /// <summary>What the recipe leaves on success (deploy/training/train_lora.py's outputs), then the Job completes.</summary>
    public void Succeed(Guid jobId, bool writeResult = true, bool writeWeights = true)
    {
        var job = _jobs[NameOf(jobId)];
        var output = LocalPathOf(ArgumentOf(job.Posted, "--output"));
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "adapter_config.json"), """{"peft_type": "LORA", "r": 16}""");
        if (writeWeights)
        {
            File.WriteAllBytes(Path.Combine(output, "adapter_model.safetensors"), [1, 2, 3, 4]);
        }

        File.WriteAllText(Path.Combine(output, "Modelfile"), $"FROM {ArgumentOf(job.Posted, "--ollama-base")}\nADAPTER .\n");
        if (writeResult)
        {
            File.WriteAllText(Path.Combine(output, "result.json"), """{"examples": 3, "validation_examples": 1, "train_loss": 0.42, "validation_loss": 0.51, "seconds": 12.5}""");
        }

        job.Status = """{"succeeded": 1, "conditions": [{"type": "Complete", "status": "True"}]}""";
    }

    /// <summary>The pod ends as the recipe does when training fails; the Job gives up after its backoff limit.</summary>
    public void Fail(Guid jobId, string podReason, int exitCode, string message)
    {
        var job = _jobs[NameOf(jobId)];
        job.Terminated = new JsonObject { ["exitCode"] = exitCode, ["reason"] = podReason, ["message"] = message };
        job.Status = """{"failed": 2, "conditions": [{"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit"}]}""";
    }

    /// <summary>Where a path inside the trainer's pod (under the artifact volume) is on this machine.</summary>
    public string LocalPathOf(string podPath)
    {
        Assert.StartsWith(MountPath + "/", podPath, StringComparison.Ordinal);
        return Path.Combine(_artifacts, podPath[(MountPath.Length + 1)..]);
    }

    public static string ArgumentOf(JsonNode job, string name)
    {
        var args = job["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        return args[args.IndexOf(name) + 1];
    }

    private static string NameOf(Guid jobId) => $"slm-lora-{jobId:N}";

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var posted = (await JsonNode.ParseAsync(context.Request.Body))!;
        var name = posted["metadata"]!["name"]!.GetValue<string>();
        var job = _jobs.GetOrAdd(name, _ => new Scripted(posted));
        if (Interlocked.Increment(ref job.Creations) > 1 && !job.Deleted)
        {
            return Results.Json(new { kind = "Status", apiVersion = "v1", status = "Failure", reason = "AlreadyExists", code = 409 }, statusCode: 409);
        }

        return Results.Json(posted, statusCode: 201);
    }

    private IResult Status(string name)
    {
        if (!_jobs.TryGetValue(name, out var job) || job.Deleted)
        {
            return Results.Json(new { kind = "Status", apiVersion = "v1", status = "Failure", reason = "NotFound", code = 404 }, statusCode: 404);
        }

        var answer = job.Posted.DeepClone();
        answer["status"] = JsonNode.Parse(job.Status);
        return Results.Json(answer);
    }

    private IResult Delete(string name)
    {
        if (_jobs.TryGetValue(name, out var job))
        {
            job.Deleted = true;
        }

        return Results.Json(new { kind = "Status", apiVersion = "v1", status = "Success" });
    }

    private IResult Pods(string labelSelector)
    {
        var name = "slm-lora-" + labelSelector.Split('=')[1];
        var items = new JsonArray();
        if (_jobs.TryGetValue(name, out var job) && job.Terminated is { } terminated)
        {
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name + "-x1", ["creationTimestamp"] = "2026-01-01T00:00:00Z" },
                ["status"] = new JsonObject
                {
                    ["containerStatuses"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "trainer", ["image"] = "trainer", ["imageID"] = string.Empty, ["ready"] = false, ["restartCount"] = 0,
                        ["state"] = new JsonObject { ["terminated"] = terminated.DeepClone() },
                    }),
                },
            });
        }

        return Results.Json(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "PodList", ["metadata"] = new JsonObject(), ["items"] = items });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Scripted(JsonNode posted)
    {
        public int Creations;

        public JsonNode Posted { get; } = posted;

        public volatile bool Deleted;

        public string Status { get; set; } = """{"active": 1}""";

        public JsonObject? Terminated { get; set; }
    }
}
