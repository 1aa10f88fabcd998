// A small support agent that records its LLM calls for SlmPlatform in the two ways the client library offers.
// It needs the platform running (./run.sh) and an LLM that speaks OpenAI's API: LLM_BASE_URL, LLM_API_KEY and
// LLM_MODEL (default a local Ollama at http://localhost:11434/v1 with qwen2.5:0.5b). The gateway forwards to the
// upstream the AppHost was given (its upstream-base-url parameter), which should be the same LLM.
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using SlmPlatform.Client;
using SupportAgent;

if (PlatformKey.Find() is not { } apiKey)
{
    Console.Error.WriteLine("No platform key: set SLM_API_KEY, or start the platform with ./run.sh, which writes .slm/dev-api-key.");
    return 1;
}

var model = Environment.GetEnvironmentVariable("LLM_MODEL") ?? "qwen2.5:0.5b";
var tickets = new[] { "My card was charged twice for one coffee", "How do I change my PIN?", "The app says my transfer is pending" };

try
{
    // 1. The official OpenAI SDK, pointed at the gateway: it forwards to the tenant's LLM and records every call.
    var viaGateway = SlmGateway.CreateOpenAIClient(new Uri("http://localhost:5100"), apiKey, agent: "support-sample", workload: "route-intent")
        .GetChatClient(model);
    foreach (var ticket in tickets)
    {
        var routed = await viaGateway.CompleteChatAsync(
            [new OpenAI.Chat.SystemChatMessage("Answer with one intent label."), new OpenAI.Chat.UserChatMessage(ticket)]);
        Console.WriteLine($"gateway   | {ticket} -> {routed.Value.Content[0].Text}");
    }

    // 2. Any IChatClient, calling its provider directly, with one line added to its pipeline.
    var provider = new OpenAIClient(
            new ApiKeyCredential(Environment.GetEnvironmentVariable("LLM_API_KEY") ?? "unused"),
            new OpenAIClientOptions { Endpoint = new Uri(Environment.GetEnvironmentVariable("LLM_BASE_URL") ?? "http://localhost:11434/v1") })
        .GetChatClient(model)
        .AsIChatClient();
    using var agent = provider.AsBuilder()
        .UseSlmCapture(options =>
        {
            options.ApiKey = apiKey;
            options.IngestEndpoint = new Uri("http://localhost:5101");
            options.Agent = "support-sample";
            options.Workload = "draft-reply";
        })
        .Build();
    foreach (var ticket in tickets)
    {
        var reply = await agent.GetResponseAsync([new ChatMessage(ChatRole.System, "Draft a one-line reply."), new ChatMessage(ChatRole.User, ticket)]);
        Console.WriteLine($"middleware| {ticket} -> {reply.Text}");
    }
}
catch (Exception failure) when (failure is ClientResultException or HttpRequestException or AggregateException { InnerException: ClientResultException })
{
    // The OpenAI SDK's retries wrap the last failure; the gateway's own 502 names the upstream it tried and its setting.
    var cause = failure is AggregateException { InnerException: { } inner } ? inner : failure;
    Console.Error.WriteLine(cause is ClientResultException { Status: > 0 } answered
        ? $"The gateway answered {answered.Status}: {answered.Message}"
        : $"Nothing answered ({cause.Message}): is the platform running (./run.sh), and LLM_BASE_URL an LLM that is up?");
    return 1;
}

return 0;
