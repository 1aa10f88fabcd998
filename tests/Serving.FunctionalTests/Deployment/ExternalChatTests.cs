using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Serving.Infrastructure.Deployment;
using SlmPlatform.Serving.Model;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// A LoRA specialist deployed to vLLM (the stand-in <see cref="FakeVllm"/>) answers through serving's own
/// <c>/v1/chat/completions</c>: the request is forwarded under the served name, the answer comes back as the target
/// gave it, the route survives a restart, and a target that fails is a 502 (on which the gateway asks the teacher).
/// </summary>
public sealed class ExternalChatTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeployedToVllm_TheRequestIsForwardedUnderTheServedName_AndTheAnswerComesBackUnchanged()
    {
        var adapter = await DeployAdapterAsync();
        var served = $"slm-{adapter.Id:N}";

        var (status, answer) = await ChatAsync(
            new { model = adapter.Id, messages = new[] { new { role = "user", content = "Where is my card?" } }, temperature = 0.2 },
            headers: new() { ["x-slm-tenant"] = DeploymentFixture.Tenant, ["Cookie"] = "session=caller" });

        Assert.Equal(HttpStatusCode.OK, status);
        var completion = JsonDocument.Parse(answer).RootElement;
        Assert.Equal("chatcmpl-fake-vllm", completion.GetProperty("id").GetString());
        Assert.Equal(FakeVllm.AnswerOf(served), completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(10, completion.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        var sent = fixture.Vllm.Chats.Last(c => c.GetProperty("model").GetString() == served);
        Assert.Equal(0.2, sent.GetProperty("temperature").GetDouble()); // what serving's runtimes ignore is kept
        Assert.Equal("Where is my card?", sent.GetProperty("messages")[0].GetProperty("content").GetString());

        // The target gets its own key, never the caller's credentials or tenant.
        var headers = fixture.Vllm.ChatHeaders[served];
        Assert.Equal($"Bearer {FakeVllm.ApiKey}", headers["Authorization"]);
        Assert.DoesNotContain(headers, h => h.Value.Contains(fixture.Key, StringComparison.Ordinal));
        Assert.False(headers.ContainsKey("x-slm-tenant"));
        Assert.False(headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task DeployedToVllm_AStreamedRequestComesBackAsTheTargetsServerSentEvents()
    {
        var adapter = await DeployAdapterAsync();
        var served = $"slm-{adapter.Id:N}";

        var (status, answer) = await ChatAsync(new { model = adapter.Id, messages = new[] { new { role = "user", content = "Hi" } }, stream = true });

        Assert.Equal(HttpStatusCode.OK, status);
        var events = answer.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var first = JsonDocument.Parse(events[0]["data: ".Length..]).RootElement;
        Assert.Equal(FakeVllm.AnswerOf(served), first.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
        Assert.True(fixture.Vllm.Chats.Last(c => c.GetProperty("model").GetString() == served).GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task DeployedToVllm_StillForwardedAfterARestart_ButNotForAnotherTenant_NorOnOllamasApi()
    {
        var adapter = await DeployAdapterAsync();
        var request = new { model = adapter.Id, messages = new[] { new { role = "user", content = "Hi" } }, stream = false };

        await using var restarted = fixture.Restarted();
        var (status, answer) = await ChatAsync(request, restarted);
        var (otherTenant, _) = await ChatAsync(request, key: fixture.OtherKey);
        using var http = fixture.Reachable.CreateClient(fixture.Key);
        using var ollama = await http.PostAsJsonAsync("/api/chat", request, Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(FakeVllm.AnswerOf($"slm-{adapter.Id:N}"), answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant);
        Assert.Equal(HttpStatusCode.NotImplemented, ollama.StatusCode);
    }

    [Fact]
    public async Task TargetDown_OrAnsweringWithAnError_IsA502()
    {
        var down = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, FakeVllm.BaseModel);
        var unknown = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, FakeVllm.BaseModel);
        var deployments = fixture.Reachable.Services.GetRequiredService<ExternalDeployments>();
        // Recorded as a deployment that worked, to a server that has since gone away or lost the adapter.
        deployments.Remember(new ExternalDeployment(DeploymentFixture.Tenant, down.Id, "vllm", DeploymentFixture.ClosedUrl().ToString(), $"slm-{down.Id:N}", DateTimeOffset.UtcNow));
        deployments.Remember(new ExternalDeployment(DeploymentFixture.Tenant, unknown.Id, "vllm", fixture.Vllm.BaseUrl.ToString(), $"slm-{unknown.Id:N}", DateTimeOffset.UtcNow));

        var (unreachable, problem) = await ChatAsync(new { model = down.Id, messages = new[] { new { role = "user", content = "Hi" } } });
        var (refused, _) = await ChatAsync(new { model = unknown.Id, messages = new[] { new { role = "user", content = "Hi" } }, stream = true });

        Assert.Equal(HttpStatusCode.BadGateway, unreachable);
        Assert.Contains("cannot be reached", JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, refused);
    }

    [Fact]
    public async Task NeverDeployed_ALoraModelIsUnavailableAsBefore_AndAnUnknownIdNotFound()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, FakeVllm.BaseModel);

        var (lora, _) = await ChatAsync(new { model = adapter.Id, messages = new[] { new { role = "user", content = "Hi" } } });
        var (unknown, _) = await ChatAsync(new { model = Guid.NewGuid(), messages = new[] { new { role = "user", content = "Hi" } } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lora);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    private async Task<SpecialistDescriptor> DeployAdapterAsync()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, FakeVllm.BaseModel);
        using var http = fixture.Reachable.CreateClient(fixture.Key);
        using var response = await http.PostAsJsonAsync("/api/deployments", new { model_id = adapter.Id, target = "vllm" }, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return adapter;
    }

    private async Task<(HttpStatusCode Status, string Body)> ChatAsync(
        object request, ServiceFactory<Infrastructure.ServingOptions>? factory = null, string? key = null, Dictionary<string, string>? headers = null)
    {
        using var http = (factory ?? fixture.Reachable).CreateClient(key ?? fixture.Key);
        foreach (var (name, value) in headers ?? [])
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        using var response = await http.PostAsJsonAsync("/v1/chat/completions", request, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }
}
