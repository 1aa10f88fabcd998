using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// Erased calls leave every dataset that holds them: its examples are deleted and the dataset marked, the report
/// counts it, a dataset without them is untouched, and the same part delivered again reports the same.
/// </summary>
public sealed class DatasetErasureTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADatasetHoldingAnErasedCall_LosesItsExamples_AndTheReportSaysSo()
    {
        var store = fixture.Service.Services.GetRequiredService<DatasetStore>();
        var artifacts = fixture.Service.Services.GetRequiredService<IArtifactStore>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var holding = Version(run, "holding", [$"erased-{run}", $"kept-{run}-1"]);
        var other = Version(run, "other", [$"kept-{run}-2"]);
        await store.SaveAsync(holding, Token);
        await store.SaveAsync(other, Token);
        var holdingKey = (await store.FindAsync(TrainingFixture.Tenant, holding.Id, Token))!.ArtifactKey;
        var otherKey = (await store.FindAsync(TrainingFixture.Tenant, other.Id, Token))!.ArtifactKey;
        await using var reports = await CapturingQueue.BindAsync(fixture.Settings["ConnectionStrings:messaging"], typeof(ErasureCompleted), Token);

        var erasureId = Guid.NewGuid();
        var erased = new CallsErased(ErasureReport.PartEventId(erasureId, 1), TrainingFixture.Tenant, erasureId, 1, 1, [$"erased-{run}"], DateTimeOffset.UtcNow);
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        await bus.Publish(erased, publish => publish.MessageId = erased.EventId, Token);
        var report = Assert.Single(await reports.WaitForAsync(m => m.Message<ErasureCompleted>().ErasureId == erasureId, 1, TimeSpan.FromSeconds(20), Token))
            .Message<ErasureCompleted>();

        Assert.Equal("training", report.Service);
        Assert.Equal(1, report.Deleted["datasets"]);
        Assert.Null(await artifacts.OpenReadAsync(holdingKey, Token));
        await using (var kept = await artifacts.OpenReadAsync(otherKey, Token))
        {
            Assert.NotNull(kept);
        }

        Assert.Equal(1, await TestDatabase.CountAsync(fixture.TrainingDb, "select count(*) from datasets where dataset_id = $1 and erased_at is not null", Token, holding.Id));

        // Another tenant's erasure of the same call id touches nothing of this tenant's.
        var othersId = Guid.NewGuid();
        var othersErasure = new CallsErased(ErasureReport.PartEventId(othersId, 1), "tenant-training-erasure-others", othersId, 1, 1, [$"kept-{run}-2"], DateTimeOffset.UtcNow);
        await bus.Publish(othersErasure, publish => publish.MessageId = othersErasure.EventId, Token);
        var othersReport = Assert.Single(await reports.WaitForAsync(m => m.Message<ErasureCompleted>().ErasureId == othersId, 1, TimeSpan.FromSeconds(20), Token));
        Assert.Equal(0, othersReport.Message<ErasureCompleted>().Deleted["datasets"]);
        await using (var stillKept = await artifacts.OpenReadAsync(otherKey, Token))
        {
            Assert.NotNull(stillKept);
        }
    }

    private static DatasetVersion Version(string run, string name, IReadOnlyList<string> callIds) => new(
        $"ds-erasure-{run}-{name}", TrainingFixture.Tenant, Guid.NewGuid(), "label", CanonicalJsonl.Hash([]),
        new Dictionary<string, int> { ["train"] = callIds.Count }, ["yes"],
        new DatasetLineage(callIds.Count, new DatasetOptions(), null, callIds, []), []);
}
