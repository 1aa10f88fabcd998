using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class EmbeddedCallVectorStoreTests : IDisposable
{
    private static readonly Guid TaskA = Guid.NewGuid();
    private static readonly Guid TaskB = Guid.NewGuid();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slm-vectors-tests-{Guid.NewGuid():N}");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Vectors_SurviveARestart_AndAnUpsertReplacesRatherThanAdds()
    {
        using (var store = Open())
        {
            await store.UpsertAsync("t1", [new("c1", TaskA, [1, 0, 0]), new("c2", TaskA, [0, 1, 0])], Token);
            await store.UpsertAsync("t1", [new("c1", TaskB, [0, 0, 2])], Token);
        }

        using var reopened = Open();
        var found = await reopened.GetAsync("t1", ["c1", "c2", "missing"], Token);

        Assert.Equal(["c1", "c2"], found.Select(v => v.CallId));
        Assert.Equal(TaskB, found[0].TaskId);
        Assert.Equal([0f, 0f, 1f], found[0].Vector);
        var hits = await reopened.SearchAsync("t1", new float[] { 0, 0, 1 }, 5, Token);
        Assert.Equal(2, hits.Count);
        Assert.Equal("c1", hits[0].CallId);
    }

    [Fact]
    public void ASecondStoreOnTheSameFolder_IsRefused_UntilTheFirstIsClosed()
    {
        using (var first = Open())
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Open());
            Assert.Contains("qdrant", refused.Message, StringComparison.Ordinal);
        }

        using var afterwards = Open();
    }

    [Fact]
    public async Task Tenants_NeverSeeEachOthersVectors()
    {
        using var store = Open();
        await store.UpsertAsync("t1", [new("same-id", TaskA, [1, 0])], Token);
        await store.UpsertAsync("t2", [new("other", TaskB, [1, 0])], Token);

        Assert.Empty(await store.GetAsync("t2", ["same-id"], Token));
        Assert.Equal(["other"], (await store.SearchAsync("t2", new float[] { 1, 0 }, 10, Token)).Select(h => h.CallId));
    }

    [Fact]
    public async Task ATornRecordAtTheEnd_IsDropped_AndLaterWritesAreKept()
    {
        using (var store = Open())
        {
            await store.UpsertAsync("t1", [new("kept", TaskA, [1, 0])], Token);
        }

        // A crash mid-write leaves a length that promises more bytes than follow.
        await File.AppendAllBytesAsync(Path.Combine(_folder, "calls.vlog"), [200, 0, 0, 0, 1, 2, 3], Token);
        using (var store = Open())
        {
            await store.UpsertAsync("t1", [new("after", TaskA, [0, 1])], Token);
        }

        using var reopened = Open();
        Assert.Equal(["kept", "after"], (await reopened.GetAsync("t1", ["kept", "after"], Token)).Select(v => v.CallId));
    }

    [Fact]
    public async Task Compaction_KeepsOneRecordPerCall()
    {
        using (var store = Open(compactAfter: 3))
        {
            for (var round = 0; round < 4; round++)
            {
                await store.UpsertAsync("t1", [new("c1", TaskA, [round + 1, 1])], Token);
            }
        }

        var length = new FileInfo(Path.Combine(_folder, "calls.vlog")).Length;
        using var reopened = Open(compactAfter: 3);
        var vector = Assert.Single(await reopened.GetAsync("t1", ["c1"], Token)).Vector;

        Assert.True(length < 3 * 60, $"The log kept {length} bytes for one call.");
        Assert.Equal(4 / MathF.Sqrt(17), vector[0], 5);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private EmbeddedCallVectorStore Open(int compactAfter = 50_000) =>
        new(Options.Create(new VectorStoreOptions { Path = _folder, CompactAfterRecords = compactAfter }), new Environment());

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Tasks.UnitTests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
