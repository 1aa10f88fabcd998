using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SlmPlatform.Console.Infrastructure;

namespace SlmPlatform.Console.BrowserTests;

/// <summary>The console on a real Kestrel port, reading <paramref name="tasks"/> as its tasks service.</summary>
public sealed class ConsoleServer(Uri tasks) : WebApplicationFactory<TasksApiClient>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("services:tasks:http:0", tasks.ToString().TrimEnd('/'));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Starts Kestrel on a free port and answers the address a browser can open.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }
}
