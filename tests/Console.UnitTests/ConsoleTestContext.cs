using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using SlmPlatform.Console.Infrastructure;

namespace SlmPlatform.Console.UnitTests;

/// <summary>A signed-in console page rendered against <see cref="StubTasksApi"/>.</summary>
public abstract class ConsoleTestContext : BunitContext
{
    protected const string SignedInKey = "slm_console-unit-test-key";

    protected ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFluentUIComponents();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("slm_consol…");
        authorization.SetClaims(new Claim(ConsoleSession.ApiKeyClaim, SignedInKey));
        Services.AddScoped<ConsoleSession>();
        Services.AddSingleton(Api);
        Services.AddScoped(services => new TasksApiClient(
            new HttpClient(services.GetRequiredService<StubTasksApi>()) { BaseAddress = new Uri("http://tasks/") }, services.GetRequiredService<ConsoleSession>()));
    }

    protected StubTasksApi Api { get; } = new();
}
