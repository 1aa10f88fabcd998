using MassTransit;
using SlmPlatform.Gateway.Routing;

namespace SlmPlatform.Gateway.Consumers;

/// <summary>Writes task discovery's routing changes into the gateway's own routing table.</summary>
public sealed partial class SpecialistRouteChangedConsumer(RouteTable routes, ILogger<SpecialistRouteChangedConsumer> logger) : IConsumer<SpecialistRouteChanged>
{
    public async Task Consume(ConsumeContext<SpecialistRouteChanged> context)
    {
        var change = context.Message;
        if (await routes.ApplyAsync(change))
        {
            LogApplied(change.TaskId, change.Version, change.Route?.Mode ?? "none", change.RouteKeys.Count);
        }
        else
        {
            LogStale(change.TaskId, change.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing of task {TaskId} at version {Version}: {Mode} on {Keys} route keys")]
    private partial void LogApplied(Guid taskId, int version, string mode, int keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing change of task {TaskId} at version {Version} ignored: a newer one is in")]
    private partial void LogStale(Guid taskId, int version);
}
