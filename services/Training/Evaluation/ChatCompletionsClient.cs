using System.Diagnostics;
using System.Net.Http.Headers;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// Asks an OpenAI-compatible endpoint (serving, the base models' endpoint, the judge) for one completion.
/// Only scrubbed dataset examples are ever sent: datasets are built from calls after the scrubber.
/// </summary>
public sealed class ChatCompletionsClient(IHttpClientFactory clients)
{
    public const string ClientName = "evaluation-llm";

    /// <summary>The assistant message, or null when the answer was late or malformed (a failed answer); and how long it
    /// took. An endpoint that cannot be reached or refuses the request throws <see cref="HttpRequestException"/>.</summary>
    public Task<(JsonElement? Message, TimeSpan Elapsed)> AskAsync(
        Uri baseUrl, string? apiKey, object body, TimeSpan timeout, CancellationToken cancellationToken) =>
        AskAsync(ClientName, baseUrl, request =>
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
        }, body, timeout, cancellationToken);

    /// <summary>As above, through the named HTTP client, with <paramref name="authorize"/> setting the credentials.</summary>
    public async Task<(JsonElement? Message, TimeSpan Elapsed)> AskAsync(
        string clientName, Uri baseUrl, Action<HttpRequestMessage> authorize, object body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorize);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl.ToString().TrimEnd('/') + "/chat/completions"))
        {
            Content = JsonContent.Create(body),
        };
        authorize(request);

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(clientName).SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{baseUrl.Host} answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var completion = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            return (completion.GetProperty("choices")[0].GetProperty("message").Clone(), Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is OperationCanceledException && !cancellationToken.IsCancellationRequested
            || e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (null, Stopwatch.GetElapsedTime(started));
        }
    }
}
