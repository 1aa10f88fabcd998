using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// The signed-in user's API key, read from the sign-in cookie's claims (the cookie is encrypted; the key is never
/// written to the page, the browser's storage or a log). One per circuit, so each user's calls carry their own key.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication)
{
    public const string ApiKeyClaim = "slm:console-api-key";

    public async Task<string> ApiKeyAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirstValue(ApiKeyClaim) ?? throw new InvalidOperationException("Nobody is signed in.");
    }
}
