namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// <c>Replicas:{service}</c> runs a service as several processes in local mode; task discovery's replicas keep their
/// vectors in the tasks database, since its embedded index lives in one process and replicas would each see part of it.
/// </summary>
public sealed class ReplicaConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("slm-replica-config-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workers_RunAsManyReplicasAsConfigured()
    {
        await using var builder = await CreateAsync("--Replicas:calls=2", "--Replicas:training=3");

        Assert.Equal(2, Replicas(builder, "calls"));
        Assert.Equal(3, Replicas(builder, "training"));
        Assert.Equal(1, Replicas(builder, "tasks"));
    }

    [Theory]
    [InlineData(1, "embedded")]
    [InlineData(2, "postgres")]
    public async Task TaskDiscoveryReplicas_ShareTheirVectorsInTheTasksDatabase(int replicas, string provider)
    {
        await using var builder = await CreateAsync($"--Replicas:tasks={replicas}");
        var environment = await EnvironmentAsync(builder, "tasks");

        Assert.Equal(replicas, Replicas(builder, "tasks"));
        Assert.Equal(provider, environment.GetValueOrDefault("VectorStore__Provider") as string ?? "embedded");
        Assert.Equal(provider == "embedded", environment.ContainsKey("VectorStore__Path"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("100")]
    public async Task ANonsenseReplicaCount_StopsTheAppHost_NamingTheSetting(string value)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync($"--Replicas:calls={value}"));

        Assert.Contains("Replicas:calls", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _state.Delete(recursive: true);

    private async Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] replicas) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [.. replicas, "--Infrastructure:Mode=local", $"--Infrastructure:StateDirectory={_state.FullName}"],
            (options, _) => options.DisableDashboard = true,
            Token);

    /// <summary>The environment the AppHost's callbacks give the resource, unresolved (references stay objects).</summary>
    private static async Task<Dictionary<string, object>> EnvironmentAsync(IDistributedApplicationTestingBuilder builder, string name)
    {
        var resource = builder.Resources.Single(r => r.Name == name);
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, cancellationToken: Token);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    private static int Replicas(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name).Annotations.OfType<ReplicaAnnotation>().SingleOrDefault()?.Replicas ?? 1;
}
