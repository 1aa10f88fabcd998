using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// Sign-in with an API key: the key is tried on the tasks API, and kept only in the encrypted, HTTP-only sign-in
/// cookie. Sign-out drops the cookie.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/signin";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync).AllowAnonymous();
        app.MapPost("/account/signout", (Delegate)SignOutAsync);
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, [FromForm(Name = "api_key")] string? apiKey, TasksApiClient tasks, CancellationToken cancellationToken)
    {
        apiKey = apiKey?.Trim();
        if (string.IsNullOrEmpty(apiKey))
        {
            return Results.LocalRedirect($"{SignInPath}?error=missing");
        }

        HttpStatusCode status;
        try
        {
            status = await tasks.ProbeAsync(apiKey, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Results.LocalRedirect($"{SignInPath}?error=unreachable");
        }

        if (status != HttpStatusCode.OK)
        {
            return Results.LocalRedirect($"{SignInPath}?error={(status == HttpStatusCode.Forbidden ? "scope" : "rejected")}");
        }

        // The name shown is the key's public prefix; the key itself stays inside the encrypted cookie.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, apiKey[..Math.Min(apiKey.Length, 10)] + "…"), new Claim(ConsoleSession.ApiKeyClaim, apiKey)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect("/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(SignInPath);
    }
}
