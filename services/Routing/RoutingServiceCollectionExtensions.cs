using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace SlmPlatform.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>The routing table and the routing ledger, on the Redis connection already registered.</summary>
    public static IServiceCollection AddRoutingTable(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RouteTable(provider.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<RoutingLedger>();
        return services;
    }
}
