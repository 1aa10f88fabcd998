using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Serving.Extensions;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Apis;

/// <summary>The OpenAI-compatible chat API over the tenant's specialists (plain and server-sent events).</summary>
public static class OpenAiApi
{
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("OpenAI").RequireAuthorization(ApiScopes.Capture);
        api.MapGet("/models", ListModels).WithName("OpenAiModels");
        api.MapPost("/chat/completions", Complete).Accepts<OpenAiChatRequest>("application/json")
            .WithName("OpenAiChatCompletions").WithSummary("A specialist answers a conversation").RequireRateLimiting(TenantFairShare.PolicyName);
        return app;
    }

    public static async Task<Ok<OpenAiModelList>> ListModels(ClaimsPrincipal user, ISpecialistSource source, CancellationToken cancellationToken) =>
        TypedResults.Ok(new OpenAiModelList("list", [.. (await source.ListAsync(user.GetTenantId(), cancellationToken))
            .Select(d => new OpenAiModel(d.Name, "model", d.CreatedAt.ToUnixTimeSeconds(), "slm-platform"))]));

    /// <summary>
    /// Bound as raw JSON rather than <see cref="OpenAiChatRequest"/>: a specialist deployed to Ollama or vLLM gets the
    /// request forwarded whole, with the fields (temperature, tools, …) this process's own runtimes ignore.
    /// </summary>
    public static async Task<IResult> Complete(
        JsonElement body, ClaimsPrincipal user, LoadedSpecialists specialists, ExternalDeployments deployments, HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (Read(body, options) is not { } request)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send a chat completion request: a JSON object with model and messages."] });
        }

        var turns = request.Messages?.Select(m => new ChatTurn(m.Role ?? string.Empty, Text(m.Content))).ToList();
        if (ModelNames.TryParse(request.Model, out var modelId) && deployments.Find(user.GetTenantId(), modelId) is { } external)
        {
            return SpecialistRequests.Validate(request.Model, turns) as IResult ?? await ExternalChatProxy.ForwardAsync(body, external, context);
        }

        var (answer, _, refusal) = await SpecialistRequests.AnswerAsync(request.Model, turns, user, specialists, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var usage = new OpenAiUsage(answer!.PromptTokens, answer.CompletionTokens, answer.PromptTokens + answer.CompletionTokens);
        if (request.Stream != true)
        {
            return TypedResults.Ok(new OpenAiCompletion(id, "chat.completion", created, request.Model!,
                [new OpenAiChoice(0, new OpenAiAnswerMessage("assistant", answer.Content), "stop")], usage, answer.Confidence));
        }

        context.Response.ContentType = "text/event-stream";
        OpenAiChunk[] chunks =
        [
            new(id, "chat.completion.chunk", created, request.Model!, [new OpenAiChunkChoice(0, new OpenAiDelta("assistant", answer.Content), null)]),
            new(id, "chat.completion.chunk", created, request.Model!, [new OpenAiChunkChoice(0, new OpenAiDelta(null, null), "stop")], usage, answer.Confidence),
        ];
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, options)}\n\n", Encoding.UTF8, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", Encoding.UTF8, context.RequestAborted);
        return Results.Empty;
    }

    private static OpenAiChatRequest? Read(JsonElement body, JsonSerializerOptions options)
    {
        try
        {
            return body.ValueKind == JsonValueKind.Object ? body.Deserialize<OpenAiChatRequest>(options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
