namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

public sealed class FlatVectorIndexTests
{
    private const int Dimensions = 48;

    [Theory]
    [InlineData(500)]
    [InlineData(50_000)] // above the parallel-scan threshold
    public void Search_ReturnsExactTopKAsBruteForce(int count)
    {
        var random = new Random(count);
        using var index = new FlatVectorIndex(Dimensions, 16);
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = Blobs.RandomUnit(random, Dimensions);
            index.Upsert($"v{i}", "t", vectors[i]);
        }

        for (var q = 0; q < 5; q++)
        {
            var query = Blobs.RandomUnit(random, Dimensions);
            var expected = Enumerable.Range(0, count).Select(i => (Id: $"v{i}", Score: VectorMath.Dot(query, vectors[i])))
                .OrderByDescending(h => h.Score).Take(10).Select(h => h.Id).ToArray();

            var hits = index.Search(query, 10);

            Assert.Equal(expected, hits.Select(h => h.Id));
            Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        }
    }

    [Fact]
    public void Search_TenantFilter_ReturnsOnlyThatTenant()
    {
        using var index = new FlatVectorIndex(2);
        index.Upsert("a1", "acme", [1, 0]);
        index.Upsert("b1", "beta", [1, 0.01f]);
        index.Upsert("a2", "acme", [0, 1]);

        Assert.Equal(["a1", "a2"], index.Search([1, 0], 5, "acme").Select(h => h.Id));
        Assert.Equal(["b1"], index.Search([1, 0], 5, "beta").Select(h => h.Id));
        Assert.Empty(index.Search([1, 0], 5, "nobody"));
        Assert.Equal(3, index.Search([1, 0], 5).Count);
    }

    [Fact]
    public void UpsertAndDelete_ReplaceMoveAndRemove()
    {
        using var index = new FlatVectorIndex(2);
        index.Upsert("x", "t", [1, 0]);
        index.Upsert("y", "t", [0, 1]);
        index.Upsert("z", "t", [-1, 0]);

        index.Upsert("x", "u", [0, -1]);
        Assert.True(index.Delete("y"));
        Assert.False(index.Delete("y"));

        Assert.Equal(2, index.Count);
        Assert.Equal("z", index.Search([-1, 0], 1, "t")[0].Id);
        Assert.Equal(1f, index.Search([0, -1], 1, "u")[0].Score, 5);
    }

    [Fact]
    public void SaveAndLoad_RoundTripsVectorsIdsAndTenants()
    {
        var random = new Random(3);
        using var index = new FlatVectorIndex(Dimensions);
        for (var i = 0; i < 200; i++)
        {
            index.Upsert($"id-{i}", i % 3 == 0 ? "acme" : "beta", Blobs.RandomUnit(random, Dimensions));
        }

        index.Delete("id-7");
        var query = Blobs.RandomUnit(random, Dimensions);
        using var stream = new MemoryStream();

        index.Save(stream);
        stream.Position = 0;
        using var loaded = FlatVectorIndex.Load(stream);

        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(index.Search(query, 7, "acme"), loaded.Search(query, 7, "acme"));
        Assert.Equal(index.Search(query, 7), loaded.Search(query, 7));
    }

    [Fact]
    public void Load_NotAnIndex_Throws()
    {
        using var stream = new MemoryStream("not an index at all"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => FlatVectorIndex.Load(stream));
    }
}
