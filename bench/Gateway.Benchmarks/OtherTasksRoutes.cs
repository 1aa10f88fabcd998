using System.Security.Cryptography;
using SlmPlatform.Contracts;
using SlmPlatform.Gateway.Routing;
using SlmPlatform.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// A routing table as a tenant in production has one: specialists promoted for other tasks of other agents, none for
/// the benchmark's own calls. Every call then pays the whole routing decision (its prompt key, the table lookup) and
/// goes to the teacher, so what is measured is what routing costs the calls it does not take.
/// </summary>
internal static class OtherTasksRoutes
{
    public static string NewPromptSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static async Task WriteAsync(string redis, string tenantId, string promptSecret, int count)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        using var table = new RouteTable(connection);
        var secret = RouteKeys.Secret(promptSecret)!;
        for (var k = 0; k < count; k++)
        {
            var key = RouteKeys.ForPrompt(RouteKeys.PromptKey(secret, $"agent-{k % 7}", $"You are task {k} of this tenant. Answer with one label."));
            var route = new SpecialistRoute(Guid.NewGuid(), Guid.NewGuid(), RouteModes.Full, new OutputCheck(OutputCheck.LabelKind, ["yes", "no"]), Version: 1);
            await table.ApplyAsync(new SpecialistRouteChanged(Guid.NewGuid(), tenantId, route.TaskId, 1, [key], route, DateTimeOffset.UtcNow));
        }
    }
}
