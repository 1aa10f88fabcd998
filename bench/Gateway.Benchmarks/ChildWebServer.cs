using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The servers this program runs as its own child processes (the stand-in upstream, the YARP relay): bare Kestrel on
/// the address the run chose, no logging, up until the run stops them.
/// </summary>
internal static class ChildWebServer
{
    public static WebApplicationBuilder CreateBuilder(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        return builder;
    }

    public static async Task ServeAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
