using Npgsql;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>The vector store replicas share where no Qdrant runs, against a real PostgreSQL with the tasks schema.</summary>
public sealed class PostgresCallVectorStoreTests : IAsyncLifetime
{
    private static readonly Guid TaskA = Guid.NewGuid();
    private static readonly Guid TaskB = Guid.NewGuid();
    private string _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("tasksdb", Token);
        _dataSource = NpgsqlDataSource.Create(_database);
    }

    [Fact]
    public async Task AnUpsert_ReplacesACallsVectorAndTask_RatherThanAddingOne()
    {
        var store = new PostgresCallVectorStore(_dataSource);
        await store.UpsertAsync("t1", [new("c1", TaskA, [1, 0, 0]), new("c2", TaskA, [0, 1, 0])], Token);
        await store.UpsertAsync("t1", [new("c1", TaskB, [0, 0, 2])], Token);

        var found = (await store.GetAsync("t1", ["c1", "c2", "missing"], Token)).OrderBy(v => v.CallId).ToList();

        Assert.Equal(["c1", "c2"], found.Select(v => v.CallId));
        Assert.Equal(TaskB, found[0].TaskId);
        Assert.Equal([0f, 0f, 2f], found[0].Vector);
        Assert.Equal([0f, 1f, 0f], found[1].Vector);
        Assert.Equal(2, await TestDatabase.CountAsync(_database, "select count(*) from call_vectors", Token));
    }

    [Fact]
    public async Task ABatch_KeepsEachCallsOwnVector()
    {
        var store = new PostgresCallVectorStore(_dataSource);
        var batch = Enumerable.Range(0, 300).Select(i => new CallVector($"c{i}", TaskA, [.. Enumerable.Range(0, 384).Select(d => (float)(i * 1000 + d))])).ToList();

        await store.UpsertAsync("t1", batch, Token);

        var found = (await store.GetAsync("t1", [.. batch.Select(v => v.CallId)], Token)).ToDictionary(v => v.CallId);
        Assert.Equal(batch.Count, found.Count);
        Assert.All(batch, expected => Assert.Equal(expected.Vector, found[expected.CallId].Vector));
    }

    [Fact]
    public async Task Search_AnswersTheMostSimilarFirst_OnlyAmongTheTenantsCalls()
    {
        var store = new PostgresCallVectorStore(_dataSource);
        await store.UpsertAsync("t1", [new("near", TaskA, [1, 0.1f]), new("far", TaskA, [0, 1]), new("middle", TaskA, [1, 1])], Token);
        await store.UpsertAsync("t2", [new("others", TaskB, [1, 0])], Token);

        var hits = await store.SearchAsync("t1", new float[] { 1, 0 }, 2, Token);

        Assert.Equal(["near", "middle"], hits.Select(h => h.CallId));
        Assert.InRange(hits[0].Score, 0.99f, 1f);
        Assert.Empty(await store.GetAsync("t2", ["near"], Token));
        Assert.Equal(["others"], (await store.SearchAsync("t2", new float[] { 1, 0 }, 10, Token)).Select(h => h.CallId));
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();
}
