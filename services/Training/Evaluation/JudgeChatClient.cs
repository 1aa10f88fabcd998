using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// The judge as an <see cref="IChatClient"/> over its OpenAI-compatible endpoint (<c>Evaluation:Judge</c>), made on first
/// use: a judge that is not configured is never built. No retries of its own: a lost verdict is counted as a judge
/// failure, and the evaluation goes on.
/// </summary>
public sealed class JudgeChatClient(IHttpClientFactory clients, IOptions<EvaluationOptions> options) : IDisposable
{
    private readonly Lazy<IChatClient> _client = new(() => Create(clients, options.Value.Judge));

    public IChatClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static IChatClient Create(IHttpClientFactory clients, JudgeOptions settings)
    {
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Evaluation:Judge:Url and Evaluation:Judge:Model are not set.");
        }

        // The SDK wants a credential; an endpoint without keys (Ollama, llama.cpp) ignores the one it gets.
        var openAi = new OpenAIClient(new ApiKeyCredential(settings.ApiKey is { Length: > 0 } key ? key : "no-key"), new OpenAIClientOptions
        {
            Endpoint = settings.Url,
            Transport = new HttpClientPipelineTransport(clients.CreateClient(ChatCompletionsClient.ClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.Timeout,
        });
        return openAi.GetChatClient(settings.Model).AsIChatClient();
    }
}
