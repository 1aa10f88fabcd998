using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Training.Evaluation;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Asks the serving service for a model's answer exactly as the gateway does (<c>/v1/chat/completions</c>, the
/// platform's service credential acting for the tenant), so a model is scored as it will serve.
/// </summary>
public sealed class ServingClient(ChatCompletionsClient chat, IOptions<EvaluationOptions> options)
{
    public const string ClientName = "serving";

    /// <summary>The assistant message the model answered, or null when its answer was late or malformed (a failed
    /// answer); how long it took, and its confidence. Serving unreachable or refusing the request throws: that says nothing of the model.</summary>
    public Task<ChatReply> AskAsync(
        string tenantId, Guid modelId, JsonElement messages, JsonElement? tools, CancellationToken cancellationToken) =>
        chat.AskAsync(
            ClientName,
            new Uri(options.Value.ServingUrl, "v1"),
            request => request.ActingFor(tenantId),
            new { model = modelId.ToString(), messages, tools, stream = false },
            options.Value.Timeout,
            cancellationToken);
}
