using SlmPlatform.Testing;

namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// The conversion loop on the running platform, at a small size: an agent's intent-router calls are captured, filed
/// as one task, a specialist is fine-tuned on them through the training API, scored as served against the teacher and
/// judged by the promotion policy, promoted in full by a person through the tasks API, and
/// then answers the agent's next call through the gateway, unchanged for the agent; with serving down, the same kind
/// of call falls back to the teacher within the request and the savings report counts both.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConversionLoopEndToEndTests(LocalPlatformFixture platform)
{
    private const string SpecialistHeader = "x-slm-served-by";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CapturedRouterCalls_BecomeASpecialistThatAnswersTheAgent_AndAFailedSpecialistFallsBackToTheTeacher()
    {
        var agent = $"e2e-loop-{Guid.NewGuid():N}";
        using var tasks = platform.CreateClient("tasks");
        using var training = platform.CreateClient("training");
        using var gateway = platform.CreateClient("gateway");

        var (taskId, _) = await platform.CaptureRouterTaskAsync(agent);

        var model = await FineTuneAsync(training, taskId);
        Assert.Equal("classifier-head", model.GetProperty("kind").GetString());
        Assert.True(model.GetProperty("metrics").GetProperty("test").GetProperty("accuracy").GetDouble() >= 0.8, model.GetRawText());
        var modelId = model.GetProperty("id").GetGuid();

        // Training scores the model as serving answers it, on its test split, and the promotion policy decides on it.
        var evaluation = await EndToEnd.PollAsync(async () =>
        {
            var all = await training.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token);
            return all.GetArrayLength() > 0 ? all[0].GetRawText() : null;
        }, TimeSpan.FromSeconds(90));
        Assert.NotNull(evaluation);
        var scored = JsonDocument.Parse(evaluation).RootElement;
        Assert.Equal("json_equivalent", scored.GetProperty("measure").GetString());
        Assert.Equal(model.GetProperty("metrics").GetProperty("test").GetProperty("n").GetInt32(), scored.GetProperty("examples").GetInt32());
        var decided = await EndToEnd.PollAsync(async () =>
        {
            var all = await tasks.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotions", Token);
            return all.EnumerateArray().Any(d => d.GetProperty("model_id").GetGuid() == modelId) ? all.GetRawText() : null;
        }, TimeSpan.FromSeconds(30));
        Assert.NotNull(decided);

        using var promoted = await tasks.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = modelId }, Token);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);

        // Unseen wording: the specialist must generalise, and the teacher (an echo here) would not answer with an intent.
        var routed = await EndToEnd.PollAsync(async () =>
        {
            var (servedBy, content) = await AskThroughGatewayAsync(gateway, agent, "Hello, I think I left my card in a taxi last night, can you freeze it?");
            return servedBy is null ? null : new[] { servedBy, content };
        }, EndToEnd.Eventually);
        Assert.NotNull(routed);
        Assert.Equal($"specialist:{modelId}", routed[0]);
        Assert.Equal("lost_card", JsonDocument.Parse(routed[1]).RootElement.GetProperty("intent").GetString());

        await platform.App.ResourceCommands.ExecuteCommandAsync("serving", KnownResourceCommands.StopCommand, Token);
        try
        {
            const string question = "When can I expect the replacement card to be delivered?";
            var (fallbackServedBy, fallbackContent) = await AskThroughGatewayAsync(gateway, agent, question);

            Assert.Null(fallbackServedBy);
            Assert.Equal(ScriptedUpstream.EchoOf(question), fallbackContent);
        }
        finally
        {
            await platform.App.ResourceCommands.ExecuteCommandAsync("serving", KnownResourceCommands.StartCommand, Token);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("serving", Token);
        }

        var counted = await EndToEnd.PollAsync(async () =>
        {
            var savings = await tasks.GetFromJsonAsync<JsonElement>("/api/savings", Token);
            var mine = savings.GetProperty("tasks").EnumerateArray().FirstOrDefault(t => t.GetProperty("task_id").GetGuid() == taskId);
            return mine.ValueKind == JsonValueKind.Object && mine.GetProperty("fallbacks").GetInt64() >= 1 ? mine.GetRawText() : null;
        }, EndToEnd.Eventually);
        Assert.NotNull(counted);
        var figures = JsonDocument.Parse(counted).RootElement;
        Assert.True(figures.GetProperty("specialist_calls").GetInt64() >= 1, counted);
        Assert.Equal(1, figures.GetProperty("fallbacks").GetInt64());
    }

    private static async Task<JsonElement> FineTuneAsync(HttpClient training, Guid taskId)
    {
        using var started = await training.PostAsJsonAsync("/api/finetune-jobs", new { task_id = taskId, client_job_id = $"e2e-{taskId}" }, Token);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Token));
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();

        var finished = await EndToEnd.PollAsync(async () =>
        {
            var job = await training.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{jobId}", Token);
            return job.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled" ? job.GetRawText() : null;
        }, TimeSpan.FromMinutes(4));
        Assert.NotNull(finished);
        var done = JsonDocument.Parse(finished).RootElement;
        Assert.True(done.GetProperty("state").GetString() == "succeeded", finished);
        return await training.GetFromJsonAsync<JsonElement>($"/api/models/{done.GetProperty("model_id").GetGuid()}", Token);
    }

    private static async Task<(string? ServedBy, string Content)> AskThroughGatewayAsync(HttpClient gateway, string agent, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new
            {
                model = "gpt-4o",
                messages = new[] { new { role = "system", content = RouterCalls.SystemPrompt }, new { role = "user", content = question } },
            }),
        };
        request.Headers.Add("X-Slm-Agent", agent);
        using var response = await gateway.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completion = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var servedBy = response.Headers.TryGetValues(SpecialistHeader, out var values) ? values.Single() : null;
        return (servedBy, completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
    }
}
