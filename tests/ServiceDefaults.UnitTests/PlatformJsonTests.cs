using SlmPlatform.Contracts;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.ServiceDefaults.UnitTests;

public sealed class PlatformJsonTests
{
    [Theory]
    [InlineData(typeof(TaskDetail))]
    [InlineData(typeof(TaskCallPage))]
    [InlineData(typeof(CallLookupResult))]
    [InlineData(typeof(ChatCompletionReply))]
    public void ShapesThatCrossABoundary_AreReadAndWrittenByGeneratedCode(Type shape) =>
        Assert.IsType<HttpContractsJsonContext>(PlatformJson.Options.GetTypeInfo(shape).OriginatingResolver);

    [Fact]
    public void ATaskDetail_RoundTripsInSnakeCase_WithoutTheStoreOnlyFields()
    {
        var specialist = new TaskSpecialist(Guid.NewGuid(), RouteModes.Canary, new OutputCheck(OutputCheck.LabelKind, ["card_arrival"]), DateTimeOffset.UnixEpoch, 0.2, 0.05)
        {
            CallsAtPromotion = 40,
        };
        var summary = new TaskSummary(
            Guid.NewGuid(), "card questions", "agent", "w", "label", 3, 120, 9, 0.0012m, ["local-model"], 410, 900, 1, 0.8, DateTimeOffset.UnixEpoch,
            TaskStatuses.Active, null, 2, 1);
        var detail = new TaskDetail(summary, [new LabelCount("card_arrival", 3)], ["key"], specialist);

        var json = JsonSerializer.Serialize(detail, PlatformJson.Options);
        var read = JsonSerializer.Deserialize<TaskDetail>(json, PlatformJson.Options)!;

        using var document = JsonDocument.Parse(json);
        Assert.Equal(RouteModes.Canary, document.RootElement.GetProperty("specialist").GetProperty("mode").GetString());
        Assert.True(document.RootElement.GetProperty("route_keys").GetArrayLength() == 1);
        Assert.False(document.RootElement.GetProperty("specialist").TryGetProperty("calls_at_promotion", out _));
        Assert.Equal(specialist.ModelId, read.Specialist!.ModelId);
        Assert.Equal(summary with { UnpricedModels = read.Task.UnpricedModels }, read.Task);
        Assert.Equal(["local-model"], read.Task.UnpricedModels);
        Assert.Equal(0.0012m, document.RootElement.GetProperty("task").GetProperty("cost").GetDecimal());
        Assert.Equal(["card_arrival"], read.Specialist.Check.Labels);
    }

    [Fact]
    public void AServicesOwnShape_StillSerialises_InSnakeCase()
    {
        var json = JsonSerializer.Serialize(new OwnShape("x", 2), PlatformJson.Options);

        Assert.Equal("""{"some_name":"x","call_count":2}""", json);
    }

    public sealed record OwnShape(string SomeName, int CallCount);
}
