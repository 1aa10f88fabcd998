using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace SlmPlatform.Client;

/// <summary>Points the official OpenAI .NET SDK at the SlmPlatform gateway, which records every call.</summary>
public static class SlmGateway
{
    /// <summary>The header that names the calling agent.</summary>
    public const string AgentHeader = "X-Slm-Agent";

    /// <summary>The header that names the call site.</summary>
    public const string WorkloadHeader = "X-Slm-Workload";

    /// <summary>
    /// An <see cref="OpenAIClient"/> whose calls go through the gateway at <paramref name="gateway"/> (locally
    /// <c>http://localhost:5100</c>) with the platform API key, tagged with the agent and, optionally, the call site.
    /// The gateway forwards them to the tenant's configured LLM provider.
    /// </summary>
    public static OpenAIClient CreateOpenAIClient(Uri gateway, string apiKey, string agent, string? workload = null, OpenAIClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        options ??= new OpenAIClientOptions();
        options.Endpoint = new Uri(gateway, "v1");
        options.AddPolicy(new CallSiteHeadersPolicy(agent, workload), PipelinePosition.PerCall);
        return new OpenAIClient(new ApiKeyCredential(apiKey), options);
    }

    private sealed class CallSiteHeadersPolicy(string agent, string? workload) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Tag(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Tag(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Tag(PipelineMessage message)
        {
            message.Request.Headers.Set(AgentHeader, agent);
            if (workload is not null)
            {
                message.Request.Headers.Set(WorkloadHeader, workload);
            }
        }
    }
}
