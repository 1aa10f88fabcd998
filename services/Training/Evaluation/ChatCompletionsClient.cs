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

    /// <summary>The assistant message, or null when the answer was late or malformed (a failed answer); how long it
    /// took, and how sure the model said it was. An endpoint that cannot be reached or refuses the request throws
    /// <see cref="HttpRequestException"/>.</summary>
    public Task<ChatReply> AskAsync(
        Uri baseUrl, string? apiKey, object body, TimeSpan timeout, CancellationToken cancellationToken) =>
        AskAsync(ClientName, baseUrl, request =>
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
        }, body, timeout, cancellationToken);

    /// <summary>As above, through the named HTTP client, with <paramref name="authorize"/> setting the credentials.</summary>
    public async Task<ChatReply> AskAsync(
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

            var completion = (await response.Content.ReadFromJsonAsync<ChatCompletionReply>(deadline.Token))!;
            return new ChatReply(completion.Message, Stopwatch.GetElapsedTime(started), completion.Confidence is { } c ? (c.Score, c.Signal) : null);
        }
        catch (Exception e) when (e is OperationCanceledException && !cancellationToken.IsCancellationRequested
            || e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return new ChatReply(null, Stopwatch.GetElapsedTime(started));
        }
    }
}

/// <summary>An answer as <see cref="ChatCompletionsClient"/> got it: the message (null when it failed), the time it
/// took, and the model's confidence where the endpoint reports one (serving's specialists do).</summary>
public readonly record struct ChatReply(JsonElement? Message, TimeSpan Elapsed, (double Score, string Signal)? Confidence = null);
