using System.Net;
using System.Text;
using k8s;

namespace SlmPlatform.Specialists.Kubernetes.UnitTests;

/// <summary>What the launcher asks of the Kubernetes API server, with the server's answers scripted.</summary>
public sealed class KubernetesLoraLauncherTests
{
    private static readonly LoraJobRequest Request = new(Guid.NewGuid(), "Qwen/Qwen2.5-0.5B-Instruct", null, "/a/train.jsonl", null, "/a/out", new LoraHyperparameters());

    [Fact]
    public async Task Start_PostsTheJob_AndAConflictMeansItIsAlreadyThere()
    {
        var server = new ScriptedApiServer(HttpStatusCode.Created, HttpStatusCode.Conflict);
        var launcher = new KubernetesLoraLauncher(server.Client(), new LoraJobOptions());

        Assert.True(await launcher.StartAsync(Request, TestContext.Current.CancellationToken));
        Assert.False(await launcher.StartAsync(Request, TestContext.Current.CancellationToken));

        var (method, path, body) = server.Requests[0];
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("/apis/batch/v1/namespaces/slm/jobs", path);
        Assert.Equal(LoraJobSpec.NameOf(Request.JobId), JsonDocument.Parse(body).RootElement.GetProperty("metadata").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"status": {"active": 1}}""", LoraJobState.Running)]
    [InlineData("""{"status": {"succeeded": 1, "conditions": [{"type": "Complete", "status": "True"}]}}""", LoraJobState.Succeeded)]
    [InlineData("""{"status": {"failed": 2, "conditions": [{"type": "Failed", "status": "True"}]}}""", LoraJobState.Failed)]
    [InlineData("""{"status": {}}""", LoraJobState.Pending)]
    public async Task State_FollowsTheJobsStatus(string job, LoraJobState expected)
    {
        var server = new ScriptedApiServer((HttpStatusCode.OK, job));

        var state = await new KubernetesLoraLauncher(server.Client(), new LoraJobOptions()).StateAsync(Request.JobId, TestContext.Current.CancellationToken);

        Assert.Equal(expected, state);
        Assert.Equal($"/apis/batch/v1/namespaces/slm/jobs/{LoraJobSpec.NameOf(Request.JobId)}/status", server.Requests[0].Path);
    }

    [Fact]
    public async Task AJobThatIsGone_IsMissing_AndCancellingItIsFine()
    {
        var server = new ScriptedApiServer(HttpStatusCode.NotFound, HttpStatusCode.NotFound);
        var launcher = new KubernetesLoraLauncher(server.Client(), new LoraJobOptions());

        Assert.Equal(LoraJobState.Missing, await launcher.StateAsync(Request.JobId, TestContext.Current.CancellationToken));
        await launcher.CancelAsync(Request.JobId, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Delete, server.Requests[1].Method);
    }

    [Fact]
    public async Task Failure_NamesThePodsTermination_AndTheJobsCondition()
    {
        var server = new ScriptedApiServer(
        [
            (HttpStatusCode.OK, """{"apiVersion": "v1", "kind": "PodList", "metadata": {}, "items": [{"metadata": {"name": "p"}, "status": {"containerStatuses": [{"name": "trainer", "image": "i", "imageID": "", "ready": false, "restartCount": 0, "state": {"terminated": {"exitCode": 2, "reason": "Error", "message": "reading\nerror: train.jsonl:3: the last message must be the assistant's answer\n"}}}]}}]}"""),
            (HttpStatusCode.OK, """{"status": {"failed": 2, "conditions": [{"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit"}]}}"""),
        ]);

        var failure = await new KubernetesLoraLauncher(server.Client(), new LoraJobOptions()).FailureAsync(Request.JobId, TestContext.Current.CancellationToken);

        Assert.Equal(
            "the trainer's pod ended with Error (exit code 2): reading | error: train.jsonl:3: the last message must be the assistant's answer; "
            + "the Kubernetes Job failed: BackoffLimitExceeded (Job has reached the specified backoff limit)", failure);
        Assert.Equal("/api/v1/namespaces/slm/pods", server.Requests[0].Path);
    }

    [Fact]
    public async Task Failure_WithoutLeaveToReadPods_StillGivesTheJobsCondition()
    {
        var server = new ScriptedApiServer(
        [
            (HttpStatusCode.Forbidden, """{"kind": "Status", "apiVersion": "v1", "status": "Failure", "code": 403}"""),
            (HttpStatusCode.OK, """{"status": {"conditions": [{"type": "Failed", "status": "True", "reason": "DeadlineExceeded"}]}}"""),
        ]);

        var failure = await new KubernetesLoraLauncher(server.Client(), new LoraJobOptions()).FailureAsync(Request.JobId, TestContext.Current.CancellationToken);

        Assert.Equal("the Kubernetes Job failed: DeadlineExceeded", failure);
    }

    private sealed class ScriptedApiServer((HttpStatusCode Status, string Body)[] answers) : DelegatingHandler
    {
        private int _next;

        public ScriptedApiServer(params HttpStatusCode[] statuses)
            : this([.. statuses.Select(s => (s, """{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "x"}}"""))])
        {
        }


        public ScriptedApiServer((HttpStatusCode Status, string Body) answer)
            : this([answer])
        {
        }

        public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = [];

        public k8s.Kubernetes Client() => new(new KubernetesClientConfiguration { Host = "http://kubernetes.test" }, this);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.AbsolutePath, body));
            var (status, answer) = answers[Math.Min(_next++, answers.Length - 1)];
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
