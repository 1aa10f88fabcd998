using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class DatasetBuilderTests
{
    private static readonly Guid TaskId = Guid.Parse("0b7c7f4e-2f7a-4c55-9a59-3a4a2e6a0c11");
    private static readonly string[] Intents = ["card_arrival", "exchange_rate", "lost_card"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Build_DropsErroredInvalidAndDuplicateCalls_WithReasons()
    {
        var calls = Enumerable.Range(0, 30).Select(i => FakeCalls.Router($"c{i:00}", $"customer message number {i} about topic {i * 7}", Intents[i % 3])).ToList();
        calls.Add(FakeCalls.Router("err", "a failed call", "lost_card", status: "error"));
        calls.Add(FakeCalls.Router("bad", "an answer that is not json", "lost_card", content: "{\"intent\": "));
        calls.Add(FakeCalls.Router("dup", "customer message number 3 about topic 21", "card_arrival"));
        calls.Add(FakeCalls.Router("near", "customer message number 4 about topic 28 please", "exchange_rate"));

        var dataset = await new DatasetBuilder(new HashingEmbedder()).BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions { NearDuplicateThreshold = 0.9 }, Token);

        var dropped = dataset.Lineage.Dropped.ToDictionary(d => d.CallId);
        Assert.Equal(DropReasons.Errored, dropped["err"].Reason);
        Assert.Equal(DropReasons.InvalidJson, dropped["bad"].Reason);
        Assert.Equal((DropReasons.ExactDuplicate, "c03"), (dropped["dup"].Reason, dropped["dup"].DuplicateOf));
        Assert.Equal((DropReasons.NearDuplicate, "c04"), (dropped["near"].Reason, dropped["near"].DuplicateOf));
        Assert.Equal(4, dropped.Count);
        Assert.Equal(30, dataset.Examples.Count);
        Assert.Equal(34, dataset.Lineage.CallsRead);
        Assert.Equal("hashing-bow", dataset.Lineage.EmbeddingModelId);
        Assert.Equal(Intents.Order(StringComparer.Ordinal), dataset.Labels);
    }

    [Fact]
    public async Task Build_SplitsEachLabelByTheFractions_AndAGrownDatasetKeepsEveryEarlierExampleInItsSplit()
    {
        var calls = Enumerable.Range(0, 3_000).Select(i => FakeCalls.Router($"c{i:0000}", $"message {i}", Intents[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2])).ToList();
        var builder = new DatasetBuilder();

        var first = await builder.BuildAsync(new FakeCalls(calls[..1_000]), "t1", TaskId, "json", new DatasetOptions(), Token);
        var grown = await builder.BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions(), Token);

        foreach (var label in grown.Labels)
        {
            var rows = grown.Examples.Where(e => e.Label == label).ToList();
            Assert.InRange(rows.Count(e => e.Split == DatasetExample.Train) / (double)rows.Count, 0.65, 0.75);
            Assert.InRange(rows.Count(e => e.Split == DatasetExample.Test) / (double)rows.Count, 0.16, 0.24);
        }

        var splitOf = grown.Examples.ToDictionary(e => e.CallId, e => e.Split);
        Assert.All(first.Examples, e => Assert.Equal(e.Split, splitOf[e.CallId]));
    }

    [Fact]
    public async Task Build_AClassOfOneCall_IsInTraining()
    {
        var calls = Enumerable.Range(0, 40).Select(i => FakeCalls.Router($"c{i:00}", $"message {i}", Intents[0])).Append(FakeCalls.Router("rare", "a rare one", Intents[2])).ToList();

        var dataset = await new DatasetBuilder().BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions(), Token);

        Assert.Equal(DatasetExample.Train, dataset.Examples.Single(e => e.CallId == "rare").Split);
    }

    [Fact]
    public async Task Build_SameCalls_SameVersion_ChangedCall_NewVersion()
    {
        var calls = Enumerable.Range(0, 20).Select(i => FakeCalls.Router($"c{i}", $"message {i}", Intents[i % 3])).ToList();
        var builder = new DatasetBuilder();

        var first = await builder.BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions(), Token);
        var again = await builder.BuildAsync(new FakeCalls([.. calls.AsEnumerable().Reverse()]), "t1", TaskId, "json", new DatasetOptions(), Token);
        calls[5] = FakeCalls.Router("c5", "message 5 changed", Intents[2]);
        var changed = await builder.BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions(), Token);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.ContentHash, CanonicalJsonl.Hash(CanonicalJsonl.Write(first.Examples)));
        Assert.NotEqual(first.Id, changed.Id);
    }

    [Fact]
    public async Task Build_ToolCalls_ToUnknownFunctionsOrWithBadArguments_AreDropped()
    {
        SourceCall[] calls =
        [
            FakeCalls.ToolCall("ok", "where is parcel 1", "find_parcel", """{"id":"1"}"""),
            FakeCalls.ToolCall("unknown", "cancel parcel 2", "cancel_parcel", """{"id":"2"}"""),
            FakeCalls.ToolCall("args", "where is parcel 3", "find_parcel", """{"id": """),
        ];

        var dataset = await new DatasetBuilder().BuildAsync(new FakeCalls(calls), "t1", TaskId, "tool_call", new DatasetOptions { TrainFraction = 1, ValidationFraction = 0, TestFraction = 0 }, Token);

        Assert.Equal(["ok"], dataset.Examples.Select(e => e.CallId));
        Assert.Equal(new Dictionary<string, int> { [DropReasons.InvalidToolArguments] = 1, [DropReasons.UnknownTool] = 1 }, dataset.Lineage.DroppedByReason);
    }

    [Fact]
    public async Task CanonicalJsonl_RoundTrips()
    {
        var calls = Enumerable.Range(0, 10).Select(i => FakeCalls.Router($"c{i}", $"message {i}", Intents[i % 3])).ToList();
        var dataset = await new DatasetBuilder().BuildAsync(new FakeCalls(calls), "t1", TaskId, "json", new DatasetOptions(), Token);
        var bytes = CanonicalJsonl.Write(dataset.Examples);

        var read = CanonicalJsonl.Read(new MemoryStream(bytes));

        Assert.Equal(bytes, CanonicalJsonl.Write(read));
    }
}
