using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Contracts;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// <c>ModelDeployRequested</c> on the real broker, answered by <c>ModelDeployed</c> — succeeded against the
/// stand-ins, failed with the reason against closed ports — and taking an adapter off vLLM again.
/// </summary>
public sealed class DeploymentBusTests(DeploymentFixture fixture) : IClassFixture<DeploymentFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requested_ToOllama_IsAnsweredWithASucceededModelDeployed()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "llama-3.2-1b-instruct");
        var request = Request(adapter, DeployTargets.Ollama);

        await fixture.Reachable.Services.GetRequiredService<IBus>().Publish(request, Token);
        var deployed = Assert.Single(await fixture.ReachableDeployed.WaitForAsync(adapter.Id.ToString(), 1, Wait, Token));

        var message = Message(deployed);
        Assert.True(message.GetProperty("succeeded").GetBoolean());
        Assert.Equal($"slm-{adapter.Id:N}", message.GetProperty("servedName").GetString());
        Assert.Equal(ModelDeployed.IdFor(request.EventId, succeeded: true), Guid.Parse(deployed.MessageId!));
        Assert.Contains(fixture.Ollama.Creates, c => c.GetProperty("model").GetString() == $"slm-{adapter.Id:N}" && c.GetProperty("from").GetString() == "llama3.2:1b");
    }

    [Fact]
    public async Task Requested_ToAClosedPort_IsAnsweredWithAFailedModelDeployed_NotRetriedForever()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "qwen2.5:0.5b");
        var request = Request(adapter, DeployTargets.Vllm);

        await fixture.Unreachable.Services.GetRequiredService<IBus>().Publish(request, Token);
        var deployed = Assert.Single(await fixture.UnreachableDeployed.WaitForAsync(adapter.Id.ToString(), 1, Wait, Token));

        var message = Message(deployed);
        Assert.False(message.GetProperty("succeeded").GetBoolean());
        Assert.Equal("vllm", message.GetProperty("target").GetString());
        Assert.Contains("cannot be reached", message.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ModelDeployed.IdFor(request.EventId, succeeded: false), Guid.Parse(deployed.MessageId!));
    }

    [Fact]
    public async Task Vllm_Undeploy_UnloadsTheAdapter_AndAgainIsNoError()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "Qwen/Qwen2.5-0.5B-Instruct");
        var vllm = fixture.Reachable.Services.GetServices<ISpecialistDeployer>().Single(d => d.Target == DeployTargets.Vllm);
        var spec = new DeploymentSpec(adapter.TenantId, adapter.Id, adapter.Kind, adapter.BaseModel!, adapter.ArtifactKey);

        await vllm.DeployAsync(spec, Token);
        var loaded = fixture.Vllm.Adapters.ContainsKey(spec.ServedName);
        await vllm.UndeployAsync(spec, Token);
        await vllm.UndeployAsync(spec, Token);

        Assert.True(loaded);
        Assert.False(fixture.Vllm.Adapters.ContainsKey(spec.ServedName));
    }

    [Fact]
    public async Task UndeployRequested_OnTheBus_UnloadsTheAdapterFromVllm()
    {
        var adapter = fixture.Registry.AddAdapter(DeploymentFixture.Tenant, "Qwen/Qwen2.5-0.5B-Instruct");
        var request = Request(adapter, DeployTargets.Vllm);
        var bus = fixture.Reachable.Services.GetRequiredService<IBus>();
        await bus.Publish(request, Token);
        Assert.Single(await fixture.ReachableDeployed.WaitForAsync(adapter.Id.ToString(), 1, Wait, Token));
        var servedName = $"slm-{adapter.Id:N}";
        Assert.True(fixture.Vllm.Adapters.ContainsKey(servedName));

        var undeploy = new ModelUndeployRequested(
            ModelUndeployRequested.IdFor(adapter.TenantId, adapter.Id, DeployTargets.Vllm, Guid.NewGuid()), adapter.TenantId, adapter.Id, adapter.TaskId,
            adapter.Kind, adapter.BaseModel ?? string.Empty, adapter.ArtifactKey, DeployTargets.Vllm);
        await bus.Publish(undeploy, Token);

        Assert.True(await Eventually.ReadAsync(() => Task.FromResult(!fixture.Vllm.Adapters.ContainsKey(servedName)), gone => gone, Wait, Token));
    }

    private static ModelDeployRequested Request(Serving.Model.SpecialistDescriptor model, string target) =>
        new(ModelDeployRequested.IdFor(model.TenantId, model.Id, target), model.TenantId, model.Id, model.TaskId, model.Kind, model.BaseModel ?? string.Empty, model.ArtifactKey, target);

    private static JsonElement Message(CapturedMessage captured) => JsonDocument.Parse(captured.Envelope).RootElement.GetProperty("message").Clone();
}
