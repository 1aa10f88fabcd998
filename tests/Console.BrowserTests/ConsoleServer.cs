using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SlmPlatform.Console.Infrastructure;

namespace SlmPlatform.Console.BrowserTests;

/// <summary>
/// The console on a real Kestrel port, reading <paramref name="services"/> as its tasks, calls and training services,
/// and fine-tune progress from the RabbitMQ virtual host <paramref name="messaging"/>.
/// </summary>
public sealed class ConsoleServer(Uri services, string messaging) : WebApplicationFactory<TasksApiClient>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:messaging", messaging);
        foreach (var service in new[] { "tasks", "calls", "training" })
        {
            builder.UseSetting($"services:{service}:http:0", services.ToString().TrimEnd('/'));
        }

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
