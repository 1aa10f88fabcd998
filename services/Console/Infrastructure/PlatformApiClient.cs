using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// One of the platform's public APIs as the signed-in user: every request carries their key; every refusal becomes a
/// <see cref="PlatformApiException"/> whose message says what to do (sign in again, which scope is missing, which
/// field was wrong), never a stack trace.
/// </summary>
public abstract class PlatformApiClient(HttpClient http, ConsoleSession session, string serviceTitle)
{
    protected async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        (await SendAsync<T>(HttpMethod.Get, path, null, await session.ApiKeyAsync(), cancellationToken))!;

    /// <summary>What <paramref name="path"/> holds; null when the tenant has nothing there (404).</summary>
    protected async Task<T?> FindAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync<T>(path, cancellationToken);
        }
        catch (PlatformApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    protected async Task<T> PostAsync<TBody, T>(string path, TBody body, CancellationToken cancellationToken) =>
        (await SendAsync<T>(HttpMethod.Post, path, JsonContent.Create(body, options: PlatformJson.Options), await session.ApiKeyAsync(), cancellationToken))!;

    protected async Task<T> PatchAsync<TBody, T>(string path, TBody body, CancellationToken cancellationToken) =>
        (await SendAsync<T>(HttpMethod.Patch, path, JsonContent.Create(body, options: PlatformJson.Options), await session.ApiKeyAsync(), cancellationToken))!;

    protected async Task<T> PutAsync<TBody, T>(string path, TBody body, CancellationToken cancellationToken) =>
        (await SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: PlatformJson.Options), await session.ApiKeyAsync(), cancellationToken))!;

    protected async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await SendAsync<object>(HttpMethod.Delete, path, null, await session.ApiKeyAsync(), cancellationToken);

    /// <summary>
    /// The whole answer to a GET of <paramref name="path"/> with <paramref name="apiKey"/>, its body not yet read (to
    /// stream it on): for a request outside a page, where the key comes from the request's own cookie.
    /// </summary>
    protected async Task<HttpResponseMessage> GetResponseAsync(string path, string apiKey, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, null, apiKey);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformApiException($"The {serviceTitle} cannot be reached; is the platform running?", null, e);
        }
    }

    /// <summary>The status <paramref name="apiKey"/> gets for a GET of <paramref name="path"/>, whoever is signed in.</summary>
    protected async Task<HttpStatusCode> ProbeAsync(string path, string apiKey, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, null, apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string apiKey, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, content, apiKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformApiException($"The {serviceTitle} cannot be reached; is the platform running?", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new PlatformApiException(await RefusalAsync(response, cancellationToken), response.StatusCode);
            }

            return response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object)
                ? default
                : await response.Content.ReadFromJsonAsync<T>(PlatformJson.Options, cancellationToken);
        }
    }

    private async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "Your key is no longer accepted (revoked or expired): sign in again.",
        HttpStatusCode.Forbidden => await DetailAsync(response, cancellationToken) ?? "Your key lacks the scope this page needs.",
        HttpStatusCode.BadRequest => await DetailAsync(response, cancellationToken) ?? $"The {serviceTitle} refused the request.",
        HttpStatusCode.NotFound => $"The {serviceTitle} has no such item for your tenant.",
        HttpStatusCode.Conflict => await DetailAsync(response, cancellationToken) ?? $"The {serviceTitle} cannot do that now.",
        HttpStatusCode.TooManyRequests => $"The {serviceTitle} asks to slow down; try again in a moment.",
        _ => $"The {serviceTitle} answered {(int)response.StatusCode}.",
    };

    /// <summary>A problem-details answer in words: each field's errors, or its detail.</summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                return string.Join(" ", errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(e => $"{field.Name}: {e.GetString()}")));
            }

            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, string apiKey) => new(method, path)
    {
        Content = content,
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };
}
