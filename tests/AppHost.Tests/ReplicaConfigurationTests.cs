namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// <c>Replicas:{service}</c> runs a service as several processes in local mode; a service whose state lives in its
/// process (task discovery's embedded vector index) refuses, naming why, instead of running replicas that each see part of it.
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

    [Fact]
    public async Task TaskDiscoveryWithItsEmbeddedIndex_RefusesASecondReplica_NamingWhy()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync("--Replicas:tasks=2"));

        Assert.Contains("Replicas:tasks", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant", refused.Message, StringComparison.Ordinal);
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

    private static int Replicas(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name).Annotations.OfType<ReplicaAnnotation>().SingleOrDefault()?.Replicas ?? 1;
}
