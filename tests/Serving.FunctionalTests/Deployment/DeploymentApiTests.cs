using System.Security.Cryptography;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// <c>POST /api/deployments</c> and its list against stand-ins of Ollama and vLLM (no real server can run here): what each target
/// is sent, what the operator is answered, and the failures' status codes.
/// </summary>
public sealed class DeploymentApiTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Embedded_IsTheDefault_AndAnswersWithServingsUrlAndTheModelId()
    {
        var head = fixture.Registry.AddHead(DeploymentFixture.Tenant);

        var (status, deployed) = await DeployAsync(new { model_id = head.Id });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(deployed.GetProperty("succeeded").GetBoolean());
        Assert.Equal("embedded", deployed.GetProperty("target").GetString());
        Assert.Equal(head.Id.ToString(), deployed.GetProperty("served_name").GetString());
        Assert.Equal(DeploymentFixture.EmbeddedUrl, deployed.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Ollama_LoraAdapter_PushesTheFiles_AndCreatesFromTheBaseTagWithTheAdapters_RepeatSucceeds()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "qwen2.5-0.5b-instruct");
        var folder = Path.Combine(fixture.Registry.Root, adapter.ArtifactKey);
        var name = $"slm-{adapter.Id:N}";

        var (status, deployed) = await DeployAsync(new { model_id = adapter.Id, target = "ollama" });
        var (again, _) = await DeployAsync(new { model_id = adapter.Id, target = "ollama" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(name, deployed.GetProperty("served_name").GetString());
        Assert.Equal(fixture.Ollama.BaseUrl.ToString(), deployed.GetProperty("endpoint").GetString());
        var create = fixture.Ollama.Creates.Last(c => c.GetProperty("model").GetString() == name);
        Assert.Equal("qwen2.5:0.5b", create.GetProperty("from").GetString()); // the catalog id's Ollama tag
        var adapters = create.GetProperty("adapters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(Digest(Path.Combine(folder, "adapter_config.json")), adapters["adapter_config.json"]);
        Assert.Equal(Digest(Path.Combine(folder, "adapter_model.safetensors")), adapters["adapter_model.safetensors"]);
        Assert.All(adapters.Values, d => Assert.True(fixture.Ollama.Blobs.ContainsKey(d!)));
        Assert.False(create.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Ollama_Gguf_CreatesTheModelFromTheFileAlone()
    {
        var gguf = fixture.Registry.AddGguf(DeploymentFixture.Tenant);
        var name = $"slm-{gguf.Id:N}";

        var (status, _) = await DeployAsync(new { model_id = gguf.Id, target = "ollama" });

        Assert.Equal(HttpStatusCode.OK, status);
        var create = fixture.Ollama.Creates.Single(c => c.GetProperty("model").GetString() == name);
        var file = Assert.Single(create.GetProperty("files").EnumerateObject());
        Assert.Equal($"{gguf.Id}.gguf", file.Name);
        Assert.Equal(Digest(Path.Combine(fixture.Registry.Root, gguf.ArtifactKey)), file.Value.GetString());
        Assert.False(create.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Ollama_BaseItLacks_IsA502NamingOllamasError()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "not-pulled:7b");

        var (status, problem) = await DeployAsync(new { model_id = adapter.Id, target = "ollama" });

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("not-pulled:7b", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vllm_LoadsTheAdapterByItsPathOnVllmsMount_AndARepeatAnsweredAlreadyLoadedStillSucceeds()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "Qwen/Qwen2.5-0.5B-Instruct");
        var name = $"slm-{adapter.Id:N}";

        var (status, deployed) = await DeployAsync(new { model_id = adapter.Id, target = "vllm" });
        var (again, repeated) = await DeployAsync(new { model_id = adapter.Id, target = "vllm" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(repeated.GetProperty("succeeded").GetBoolean());
        Assert.Equal(name, deployed.GetProperty("served_name").GetString());
        Assert.Equal(fixture.Vllm.BaseUrl.ToString(), deployed.GetProperty("endpoint").GetString());
        var loads = fixture.Vllm.Loads.Where(l => l.GetProperty("lora_name").GetString() == name).ToList();
        Assert.Equal(2, loads.Count);
        Assert.All(loads, l => Assert.Equal($"{DeploymentFixture.VllmArtifactsPath}/{adapter.ArtifactKey}", l.GetProperty("lora_path").GetString()));
    }

    [Fact]
    public async Task Vllm_Gguf_IsA422_ForVllmLoadsOnlyAdapters()
    {
        var gguf = fixture.Registry.AddGguf(DeploymentFixture.Tenant);

        var (status, problem) = await DeployAsync(new { model_id = gguf.Id, target = "vllm" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(problem.GetProperty("deployment").GetProperty("succeeded").GetBoolean());
        Assert.DoesNotContain(fixture.Vllm.Loads, l => l.GetProperty("lora_name").GetString() == $"slm-{gguf.Id:N}");
    }

    [Fact]
    public async Task UnreachableTarget_IsA503_AfterTheRetries()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "qwen2.5:0.5b");

        var (ollama, problem) = await DeployAsync(new { model_id = adapter.Id, target = "ollama" }, fixture.Unreachable);
        var (vllm, _) = await DeployAsync(new { model_id = adapter.Id, target = "vllm" }, fixture.Unreachable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ollama);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, vllm);
        Assert.Contains("cannot be reached", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_NameTheirFields_AndAnotherTenantsModelIsNotFound()
    {
        var theirs = fixture.Registry.AddHead(DeploymentFixture.OtherTenant);

        var (missing, errors) = await DeployAsync(new { target = "kubernetes" });
        var (notFound, _) = await DeployAsync(new { model_id = theirs.Id });

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(errors.GetProperty("errors").TryGetProperty("model_id", out _));
        Assert.True(errors.GetProperty("errors").TryGetProperty("target", out _));
        Assert.Equal(HttpStatusCode.NotFound, notFound);
    }

    [Fact]
    public async Task List_ShowsWhereEachSpecialistAnswers_PageByPage_AndNoOtherTenantsModel()
    {
        var head = fixture.Registry.AddHead(DeploymentFixture.Tenant);
        var onVllm = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "Qwen/Qwen2.5-0.5B-Instruct");
        var nowhere = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "Qwen/Qwen2.5-0.5B-Instruct");
        var theirs = fixture.Registry.AddHead(DeploymentFixture.OtherTenant);
        var (deployed, _) = await DeployAsync(new { model_id = onVllm.Id, target = "vllm" });
        Assert.Equal(HttpStatusCode.OK, deployed);

        var listed = new List<JsonElement>();
        using var http = fixture.Reachable.CreateClient(fixture.Key);
        for (var url = "/api/deployments?limit=2"; url is not null;)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(url, Token);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 2);
            listed.AddRange(items);
            url = page.GetProperty("next").GetString() is { } next ? $"/api/deployments?limit=2&after={Uri.EscapeDataString(next)}" : null;
        }

        var byId = listed.ToDictionary(d => d.GetProperty("model_id").GetGuid());
        Assert.Equal(listed.Count, byId.Count); // no model on two pages
        Assert.Equal("embedded", byId[head.Id].GetProperty("target").GetString());
        Assert.Equal(DeploymentFixture.EmbeddedUrl, byId[head.Id].GetProperty("endpoint").GetString());
        Assert.Equal("vllm", byId[onVllm.Id].GetProperty("target").GetString());
        Assert.Equal($"slm-{onVllm.Id:N}", byId[onVllm.Id].GetProperty("served_name").GetString());
        Assert.Equal(fixture.Vllm.BaseUrl.ToString(), byId[onVllm.Id].GetProperty("endpoint").GetString());
        Assert.Equal(JsonValueKind.String, byId[onVllm.Id].GetProperty("deployed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId[nowhere.Id].GetProperty("target").ValueKind);
        Assert.DoesNotContain(theirs.Id, byId.Keys);
        var created = listed.Select(d => d.GetProperty("created_at").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("after=638000000000000000.not-a-guid", "after")]
    public async Task List_BadPaging_Is400NamingTheParameter(string query, string field)
    {
        using var http = fixture.Reachable.CreateClient(fixture.Key);

        using var response = await http.GetAsync($"/api/deployments?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> DeployAsync(object request, ServiceFactory<Infrastructure.ServingOptions>? factory = null)
    {
        using var http = (factory ?? fixture.Reachable).CreateClient(fixture.Key);
        using var response = await http.PostAsJsonAsync("/api/deployments", request, Token);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Token));
    }

    private static string Digest(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
