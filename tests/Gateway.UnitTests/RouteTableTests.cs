using System.Reflection;
using SlmPlatform.Gateway.Routing;
using SlmPlatform.Contracts;
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

    [Fact]
    public async Task CallsThatFindATenantsRoutesStale_AtTheSameTime_ShareOneRead()
    {
        var redis = new HeldRedis();
        using var table = new RouteTable(redis.Connection);

        var calls = Enumerable.Range(0, 20).Select(_ => table.FindAsync("tenant", [Key]).AsTask()).ToArray();
        await WaitForReadsAsync(redis, 1);
        redis.Answer(0, (Key, Route(version: 1)));

        Assert.All(await Task.WhenAll(calls), route => Assert.Equal(1, route!.Version));
        Assert.Equal(1, redis.Reads);
    }

    [Fact]
    public async Task ARead_BegunBeforeAChangeNotice_IsNotKeptAfterIt_NorJoinedByLaterCalls()
    {
        var redis = new HeldRedis();
        using var table = new RouteTable(redis.Connection);

        var before = table.FindAsync("tenant", [Key]).AsTask();
        await WaitForReadsAsync(redis, 1);
        // Task discovery demotes the task while the read is in flight: the hash no longer holds the key.
        redis.Announce("tenant");
        var after = table.FindAsync("tenant", [Key]).AsTask();
        await WaitForReadsAsync(redis, 2);
        redis.Answer(0, (Key, Route(version: 1)));
        redis.Answer(1);

        Assert.Equal(1, (await before)!.Version);
        Assert.Null(await after);
        Assert.Null(await table.FindAsync("tenant", [Key]));
        Assert.Equal(2, redis.Reads);
    }

    private const string Key = "workload:agent:route-intent";

    private static SpecialistRoute Route(int version) =>
        new(Guid.NewGuid(), Guid.NewGuid(), RouteModes.Full, new OutputCheck(OutputCheck.TextKind), version);

    private static async Task WaitForReadsAsync(HeldRedis redis, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (redis.Reads < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal(count, redis.Reads);
    }

    /// <summary>A Redis that answers nothing in time: every command throws what StackExchange.Redis throws then.</summary>
    public class TimingOutRedis : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new RedisTimeoutException("Timeout awaiting response (test)", CommandStatus.Sent);
    }
}
