using System.Reflection;
using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.UnitTests;

public sealed class RouteTableTests
{
    [Fact]
    public async Task FindAsync_WhenRedisTimesOut_FindsNoRoute_SoTheTeacherAnswers_InsteadOfFailingTheCall()
    {
        using var table = new RouteTable(DispatchProxy.Create<IConnectionMultiplexer, TimingOutRedis>());

        var route = await table.FindAsync("tenant", ["workload:agent:route-intent"]);

        Assert.Null(route);
    }

    /// <summary>A Redis that answers nothing in time: every command throws what StackExchange.Redis throws then.</summary>
    public class TimingOutRedis : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new RedisTimeoutException("Timeout awaiting response (test)", CommandStatus.Sent);
    }
}
