using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

public sealed class DatasetListTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListDatasets_PagesATasksVersionsNewestFirst_WithoutTheirLineage_AndRefusesBadPaging()
    {
        var store = fixture.Service.Services.GetRequiredService<DatasetStore>();
        var taskId = Guid.NewGuid();
        var saved = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var version = Version(taskId, i);
            await store.SaveAsync(version, Token);
            saved.Add(version.Id);
        }

        await store.SaveAsync(Version(Guid.NewGuid(), 9), Token);
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/datasets?task_id={taskId}&limit=2", Token);
        var next = first.GetProperty("next").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/datasets?task_id={taskId}&limit=2&after={next}", Token);

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(saved.AsEnumerable().Reverse(), items.Select(d => d.GetProperty("id").GetString()));
        Assert.All(items, d => Assert.False(d.TryGetProperty("lineage", out _)));
        Assert.Equal(2, items[0].GetProperty("splits").GetProperty("train").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        using var otherTenant = fixture.Service.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, "tenant-training-dataset-others", Token));
        Assert.Empty((await otherTenant.GetFromJsonAsync<JsonElement>($"/api/datasets?task_id={taskId}", Token)).GetProperty("items").EnumerateArray());
        foreach (var bad in new[] { "limit=0", "limit=201", "limit=two", "after=nonsense", "task_id=seven" })
        {
            using var refused = await client.GetAsync($"/api/datasets?{bad}", Token);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    // A version with no examples: enough for a list, which never reads them. Versions of one task differ by content.
    private static DatasetVersion Version(Guid taskId, int n)
    {
        var hash = CanonicalJsonl.Hash([(byte)n]);
        return new DatasetVersion(
            $"ds-test-{taskId:N}-{n}", TrainingFixture.Tenant, taskId, "label", hash,
            new Dictionary<string, int> { ["train"] = 2, ["validation"] = 1, ["test"] = 1 }, ["yes", "no"],
            new DatasetLineage(4, new DatasetOptions(), null, ["call-1", "call-2", "call-3", "call-4"], []), []);
    }
}
