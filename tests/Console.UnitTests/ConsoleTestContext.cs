using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using Radzen;
using SlmPlatform.Console.Infrastructure;

namespace SlmPlatform.Console.UnitTests;

/// <summary>A signed-in console page rendered against <see cref="StubPlatformApi"/>, which stands in for every service.</summary>
public abstract class ConsoleTestContext : BunitContext
{
    protected const string SignedInKey = "slm_console-unit-test-key";

    protected ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;

        // Radzen's chart asks the browser for its size before drawing: a browser's answer for a 1280 px page.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true).SetResult(new Radzen.Blazor.Rendering.Rect { Width = 960, Height = 320 });
        Services.AddFluentUIComponents();
        Services.AddRadzenComponents();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("slm_consol…");
        authorization.SetClaims(new Claim(ConsoleSession.ApiKeyClaim, SignedInKey));
        Services.AddScoped<ConsoleSession>();
        Services.AddSingleton(ProgressFeed);
        Services.AddSingleton(Api);
        Services.AddScoped(services => new TasksApiClient(Client(services, "tasks"), services.GetRequiredService<ConsoleSession>()));
        Services.AddScoped(services => new CallsApiClient(Client(services, "calls"), services.GetRequiredService<ConsoleSession>()));
        Services.AddScoped(services => new GatewayApiClient(Client(services, "gateway"), services.GetRequiredService<ConsoleSession>()));
        Services.AddScoped(services => new TrainingApiClient(Client(services, "training"), services.GetRequiredService<ConsoleSession>()));
    }

    protected StubPlatformApi Api { get; } = new();

    /// <summary>Fine-tune progress as the console's consumer hands it on from the bus.</summary>
    protected JobProgressFeed ProgressFeed { get; } = new() { IsLive = true };

    private static HttpClient Client(IServiceProvider services, string service) =>
        new(services.GetRequiredService<StubPlatformApi>()) { BaseAddress = new Uri($"http://{service}/") };
}
