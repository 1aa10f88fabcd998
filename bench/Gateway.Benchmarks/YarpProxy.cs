using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The relay a .NET team would build first: YARP's direct forwarder in front of the upstream, every path forwarded
/// as it comes, nothing read, nothing kept — the floor a .NET proxy costs. It runs as a child process of this same
/// program (<c>--serve-yarp URL</c>, the upstream's address in <see cref="UpstreamVariable"/>).
/// </summary>
internal static class YarpProxy
{
    public const string ServeOption = "--serve-yarp";
    public const string UpstreamVariable = "SLM_BENCH_YARP_UPSTREAM";

    public static async Task RunAsync(string url, CancellationToken cancellationToken)
    {
        var upstream = Environment.GetEnvironmentVariable(UpstreamVariable)
            ?? throw new InvalidOperationException($"{UpstreamVariable} must name the upstream's address.");
        var builder = ChildWebServer.CreateBuilder(url);
        builder.Services.AddHttpForwarder();
        await using var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        app.MapForwarder("/{**catch-all}", upstream);
        await app.ServeAsync(cancellationToken);
    }
}
