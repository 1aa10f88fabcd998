namespace SlmPlatform.Ingest.UnitTests;

public sealed class CallBatchTests
{
    private static readonly string Valid = JsonSerializer.Serialize(Records.Parse(Records.Platform));
    private static readonly string Flywheel = JsonSerializer.Serialize(Records.Parse(Records.Flywheel));

    [Fact]
    public void Parse_JsonArray_JudgesEachRecordOnItsOwn()
    {
        var body = Encoding.UTF8.GetBytes($"[{Valid}, {{\"agent\":\"a\"}}, {Flywheel}]");

        using var batch = CallBatch.Parse(body, isNdjson: false, maxItems: 10, Records.ReceivedAt);

        Assert.Null(batch.Error);
        Assert.Equal([0, 1, 2], batch.Items.Select(i => i.Index));
        Assert.NotNull(batch.Items[0].Result.Record);
        Assert.Null(batch.Items[1].Result.Record);
        Assert.Contains("request", batch.Items[1].Result.Errors.Keys);
        Assert.NotNull(batch.Items[2].Result.Record);
    }

    [Fact]
    public void Parse_Ndjson_SkipsBlankLinesAndReportsMalformedLinesByPosition()
    {
        var body = Encoding.UTF8.GetBytes($"{Valid}\r\n\n{{not json\n{Flywheel}\n");

        using var batch = CallBatch.Parse(body, isNdjson: true, maxItems: 10, Records.ReceivedAt);

        Assert.Null(batch.Error);
        Assert.Equal(3, batch.Items.Count);
        Assert.NotNull(batch.Items[0].Result.Record);
        Assert.Equal(1, batch.Items[1].Index);
        Assert.Contains("$", batch.Items[1].Result.Errors.Keys);
        Assert.Equal("customer-service-agent", batch.Items[2].Result.Record!.Agent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_MoreRecordsThanAllowed_FailsTheWholeBatch(bool isNdjson)
    {
        var body = isNdjson ? string.Join('\n', Enumerable.Repeat(Valid, 3)) : $"[{Valid},{Valid},{Valid}]";

        using var batch = CallBatch.Parse(Encoding.UTF8.GetBytes(body), isNdjson, maxItems: 2, Records.ReceivedAt);

        Assert.True(batch.TooManyItems);
        Assert.NotNull(batch.Error);
        Assert.Empty(batch.Items);
    }

    [Theory]
    [InlineData("{\"agent\":\"a\"}")]
    [InlineData("[1, 2")]
    [InlineData("[]")]
    public void Parse_BodyThatIsNotAnArrayOfRecords_IsAnError(string body)
    {
        using var batch = CallBatch.Parse(Encoding.UTF8.GetBytes(body), isNdjson: false, maxItems: 10, Records.ReceivedAt);

        Assert.NotNull(batch.Error);
        Assert.False(batch.TooManyItems);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsPositionWithoutContent()
    {
        using var batch = CallBatch.Parse(Encoding.UTF8.GetBytes("[{\"agent\": secret-value}]"), isNdjson: false, maxItems: 10, Records.ReceivedAt);

        var message = Assert.Single(batch.Error!.ToDictionary()["$"]);
        Assert.Contains("line 1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }
}
