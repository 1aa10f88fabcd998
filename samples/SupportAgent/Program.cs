// A small support agent that records its LLM calls for SlmPlatform in the two ways the client library offers.
// Run the platform first (./run.sh); the model comes from the LLM_* variables (default: a local Ollama).
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using SlmPlatform.Client;

var apiKey = Environment.GetEnvironmentVariable("SLM_API_KEY") ?? File.ReadAllText(Path.Combine("..", "..", ".slm", "dev-api-key")).Trim();
var model = Environment.GetEnvironmentVariable("LLM_MODEL") ?? "qwen2.5:0.5b";
var tickets = new[] { "My card was charged twice for one coffee", "How do I change my PIN?", "The app says my transfer is pending" };

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
