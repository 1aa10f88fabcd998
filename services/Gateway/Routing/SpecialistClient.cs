using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Asks a specialist through serving's OpenAI-compatible API, within the routing timeout, and judges its answer by the
/// route's output check. Every way it can go wrong — no answer in time, an error, an answer outside the label set,
/// invalid JSON, a call to an unknown function — comes back as a reason, never as an exception.
/// </summary>
public sealed class SpecialistClient(IHttpClientFactory httpClientFactory, IOptions<SpecialistRoutingOptions> options)
{
    public const string ClientName = "serving";

    /// <summary>
    /// The request a specialist gets for a call: the call's messages under the model id, not streamed; null for a call
    /// without messages (the teacher will tell the agent what is wrong with it). Made while the call is in hand, so
    /// background work never touches the request after it ends.
    /// </summary>
    public static byte[]? BodyFor(SpecialistRoute route, ChatRequest request) =>
        request.Json.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? JsonSerializer.SerializeToUtf8Bytes(new { model = route.ModelId.ToString(), messages, stream = false })
            : null;

    public async Task<SpecialistAnswer> AskAsync(string tenantId, SpecialistRoute route, byte[] body, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        using var ask = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ServingUrl, "v1/chat/completions"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        ask.ActingFor(tenantId);
        try
        {
            using var response = await httpClientFactory.CreateClient(ClientName).SendAsync(ask, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return SpecialistAnswer.Failed($"status_{(int)response.StatusCode}");
            }

            var completion = (await response.Content.ReadFromJsonAsync<ChatCompletionReply>(deadline.Token))!;
            var message = completion.Message;
            return route.Check.Passes(message)
                ? new SpecialistAnswer(message, completion.Usage, null, completion.Confidence?.Score)
                : SpecialistAnswer.Failed("check_failed");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SpecialistAnswer.Failed("timeout");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return SpecialistAnswer.Failed("unreachable_or_malformed");
        }
    }
}

/// <summary>A specialist's answer that passed the check (<see cref="Failure"/> null) with the confidence it gave, or why there is none.</summary>
public readonly record struct SpecialistAnswer(JsonElement Message, JsonElement Usage, string? Failure, double? Confidence = null)
{
    public static SpecialistAnswer Failed(string reason) => new(default, default, reason);
}
