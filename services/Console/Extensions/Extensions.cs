using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.FluentUI.AspNetCore.Components;
using Radzen;
using SlmPlatform.Console.Components;
using SlmPlatform.Console.Consumers;
using SlmPlatform.Console.Infrastructure;
using SlmPlatform.Messaging;

namespace SlmPlatform.Console.Extensions;

public static class Extensions
{
    /// <summary>
    /// The console: interactive server components with Fluent UI, sign-in by API key into an encrypted cookie, and the
    /// platform's public APIs as typed clients found by service discovery. Where the message bus is given, fine-tune
    /// progress is pushed to the training pages as training announces each epoch; without it they poll.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = SignInEndpoints.SignInPath;
                cookie.Cookie.Name = "slm-console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ConsoleSession>();
        var busGiven = builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName) is { Length: > 0 };
        builder.Services.AddSingleton(new JobProgressFeed { IsLive = busGiven });
        if (busGiven)
        {
            builder.AddPlatformMessaging(bus => bus.AddConsumer<FineTuneProgressedConsumer>(typeof(FineTuneProgressedConsumerDefinition)), busIsCritical: false);
        }

        builder.Services.AddHttpClient<TasksApiClient>(http => http.BaseAddress = new Uri($"http://{TasksApiClient.ServiceName}/"));
        builder.Services.AddHttpClient<CallsApiClient>(http => http.BaseAddress = new Uri($"http://{CallsApiClient.ServiceName}/"));
        builder.Services.AddHttpClient<TrainingApiClient>(http => http.BaseAddress = new Uri($"http://{TrainingApiClient.ServiceName}/"));
        builder.Services.AddHttpClient<GatewayApiClient>(http => http.BaseAddress = new Uri($"http://{GatewayApiClient.ServiceName}/"));
        return builder;
    }

    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapDefaultEndpoints();
        app.MapStaticAssets();
        app.MapSignIn();
        app.MapDatasetExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
