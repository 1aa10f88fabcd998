namespace SlmPlatform.Ingest.UnitTests;

public sealed class CallRecordParserTests
{
    [Fact]
    public void Parse_PlatformRecord_KeepsEveryField()
    {
        var result = CallRecordParser.Parse(Records.Parse(Records.Platform), Records.ReceivedAt);

        var record = Assert.IsType<CallRecord>(result.Record);
        Assert.Equal("call-1", record.Id);
        Assert.Equal("support-bot", record.Agent);
        Assert.Equal("route-intent", record.Workload);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.Zero), record.StartedAt);
        Assert.Equal(812.5, record.LatencyMs);
        Assert.Equal("success", record.Status);
        Assert.Equal(CallRecordFormat.Platform, record.Source);
        Assert.Equal(2, record.Request.GetProperty("messages").GetArrayLength());
        Assert.Equal(45, record.Response.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public void Parse_DataFlywheelRecord_MapsClientAndWorkloadAndUnixTimestamp()
    {
        var result = CallRecordParser.Parse(Records.Parse(Records.Flywheel), Records.ReceivedAt);

        var record = Assert.IsType<CallRecord>(result.Record);
        Assert.Equal("customer-service-agent", record.Agent);
        Assert.Equal("tool_router", record.Workload);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1732780800), record.StartedAt);
        Assert.Equal(CallRecordFormat.DataFlywheel, record.Source);
        Assert.Equal(CallRecordParser.DefaultStatus, record.Status);
    }

    [Fact]
    public void Parse_RecordWithoutId_GetsAnIdDerivedFromItsContent()
    {
        var withoutId = Records.PlatformWith("id", null).GetRawText();
        var first = CallRecordParser.Parse(Records.Parse(withoutId), Records.ReceivedAt).Record!;
        var again = CallRecordParser.Parse(Records.Parse(withoutId), Records.ReceivedAt).Record!;
        var different = CallRecordParser.Parse(
            Records.Parse(withoutId.Replace("support-bot", "billing-bot", StringComparison.Ordinal)), Records.ReceivedAt).Record!;

        Assert.StartsWith("c_", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, different.Id);
    }

    [Fact]
    public void Parse_MissingStartedAt_UsesTheTimeOfReceipt()
    {
        var record = CallRecordParser.Parse(Records.PlatformWith("started_at", null), Records.ReceivedAt).Record!;

        Assert.Equal(Records.ReceivedAt, record.StartedAt);
    }

    [Theory]
    [InlineData("request", null, "request")]
    [InlineData("response", null, "response")]
    [InlineData("agent", null, "agent")]
    [InlineData("agent", "\"\"", "agent")]
    [InlineData("agent", "42", "agent")]
    [InlineData("workload", "[\"a\"]", "workload")]
    [InlineData("started_at", "\"yesterday\"", "started_at")]
    [InlineData("started_at", "true", "started_at")]
    [InlineData("latency_ms", "\"fast\"", "latency_ms")]
    [InlineData("latency_ms", "-1", "latency_ms")]
    [InlineData("status", "200", "status")]
    [InlineData("id", "7", "id")]
    [InlineData("request", "\"hello\"", "request")]
    [InlineData("response", "[]", "response")]
    [InlineData("request", "{\"model\":\"m\"}", "request.messages")]
    [InlineData("request", "{\"messages\":[]}", "request.messages")]
    [InlineData("request", "{\"messages\":[\"hi\"]}", "request.messages[0]")]
    [InlineData("request", "{\"messages\":[{\"content\":\"hi\"}]}", "request.messages[0].role")]
    public void Parse_InvalidField_NamesTheField(string field, string? valueJson, string expectedErrorField)
    {
        var result = CallRecordParser.Parse(Records.PlatformWith(field, valueJson), Records.ReceivedAt);

        Assert.Null(result.Record);
        Assert.Contains(expectedErrorField, result.Errors.Keys);
    }

    [Fact]
    public void Parse_NotAnObject_IsRejected()
    {
        var result = CallRecordParser.Parse(Records.Parse("[1,2]"), Records.ReceivedAt);

        Assert.Null(result.Record);
        Assert.Contains("$", result.Errors.Keys);
    }

    [Fact]
    public void Parse_InvalidRecord_ErrorMessagesNeverQuoteValues()
    {
        var result = CallRecordParser.Parse(Records.PlatformWith("agent", "\"jane.doe@example.com\\u0001\""), Records.ReceivedAt);

        Assert.Null(result.Record);
        Assert.DoesNotContain(result.Errors.Values.SelectMany(m => m), m => m.Contains("jane", StringComparison.Ordinal));
    }
}
