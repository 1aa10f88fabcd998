using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Serving.Extensions;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// Ollama's REST API over the tenant's specialists, so that OllamaSharp's <c>IChatClient</c> (and any Ollama client)
/// works unchanged. Streaming answers are newline-delimited JSON, the last object carrying <c>done: true</c> and the
/// counts; <c>stream</c> defaults to true as in Ollama.
/// </summary>
public static class OllamaApi
{
    public static IEndpointRouteBuilder MapOllamaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Ollama").RequireAuthorization(ApiScopes.Capture);
        api.MapGet("/version", () => TypedResults.Ok(new { version = "0.12.0" })).WithName("OllamaVersion");
        api.MapGet("/tags", ListModels).WithName("OllamaTags").WithSummary("The tenant's specialists");
        api.MapGet("/ps", ListLoaded).WithName("OllamaRunning").WithSummary("The tenant's specialists in memory");
        api.MapPost("/show", ShowModel).WithName("OllamaShow");
        api.MapPost("/chat", Chat).WithName("OllamaChat").WithSummary("A specialist answers a conversation").RequireRateLimiting(TenantFairShare.PolicyName);
        api.MapPost("/generate", Generate).WithName("OllamaGenerate").WithSummary("A specialist answers a prompt").RequireRateLimiting(TenantFairShare.PolicyName);
        return app;
    }

    public static async Task<Ok<OllamaTags>> ListModels(ClaimsPrincipal user, ISpecialistSource source, CancellationToken cancellationToken) =>
        TypedResults.Ok(new OllamaTags([.. (await source.ListAsync(user.GetTenantId(), cancellationToken)).Select(d =>
            new OllamaModel(ModelNames.Tagged(d.Id), ModelNames.Tagged(d.Id), d.CreatedAt, 0, Digest(d), Details(d)))]));

    public static Ok<OllamaRunning> ListLoaded(ClaimsPrincipal user, LoadedSpecialists specialists) =>
        TypedResults.Ok(new OllamaRunning([.. specialists.Loaded.Where(l => l.Specialist.Descriptor.TenantId == user.GetTenantId()).Select(l =>
            new OllamaRunningModel(ModelNames.Tagged(l.Specialist.Descriptor.Id), ModelNames.Tagged(l.Specialist.Descriptor.Id), l.Specialist.MemoryBytes,
                Digest(l.Specialist.Descriptor), Details(l.Specialist.Descriptor), DateTimeOffset.MaxValue, 0))]));

    public static async Task<Results<Ok<OllamaShowResponse>, NotFound, ValidationProblem>> ShowModel(
        OllamaShowRequest request, ClaimsPrincipal user, ISpecialistSource source, CancellationToken cancellationToken)
    {
        var name = request.Model ?? request.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = ["Name the model to show."] });
        }

        if (!ModelNames.TryParse(name, out var id) || await source.FindAsync(user.GetTenantId(), id, cancellationToken) is not { } descriptor)
        {
            return TypedResults.NotFound();
        }

        var info = new Dictionary<string, object>
        {
            ["general.architecture"] = descriptor.Kind,
            ["slm.task_id"] = descriptor.TaskId,
            ["slm.artifact_format"] = descriptor.ArtifactFormat,
        };
        return TypedResults.Ok(new OllamaShowResponse(string.Empty, string.Empty, string.Empty, Details(descriptor), info, ["completion"]));
    }

    public static async Task<IResult> Chat(OllamaChatRequest request, ClaimsPrincipal user, LoadedSpecialists specialists, ExternalDeployments deployments, HttpContext context)
    {
        if (DeployedElsewhere(request.Model, user, deployments) is { } elsewhere)
        {
            return elsewhere;
        }

        var turns = request.Messages?.Select(m => new ChatTurn(m.Role ?? string.Empty, m.Content ?? string.Empty)).ToList();
        var (answer, _, refusal) = await SpecialistRequests.AnswerAsync(request.Model, turns, user, specialists, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = DateTimeOffset.UtcNow;
        var done = new OllamaChatResponse(request.Model!, now, new OllamaMessage("assistant", request.Stream == false ? answer!.Content : string.Empty), true, "stop",
            Nanoseconds(answer!.LoadDuration + answer.Duration), Nanoseconds(answer.LoadDuration), answer.PromptTokens, answer.CompletionTokens, Nanoseconds(answer.Duration));
        if (request.Stream == false)
        {
            return TypedResults.Ok(done);
        }

        var content = new OllamaChatResponse(request.Model!, now, new OllamaMessage("assistant", answer.Content), false);
        return new NdjsonResult([content, done]);
    }

    public static async Task<IResult> Generate(OllamaGenerateRequest request, ClaimsPrincipal user, LoadedSpecialists specialists, ExternalDeployments deployments, HttpContext context)
    {
        if (DeployedElsewhere(request.Model, user, deployments) is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrEmpty(request.Prompt))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["Give a prompt for the specialist to answer."] });
        }

        List<ChatTurn> turns = [.. request.System is { } system ? [new ChatTurn("system", system)] : Array.Empty<ChatTurn>(), new ChatTurn("user", request.Prompt)];
        var (answer, _, refusal) = await SpecialistRequests.AnswerAsync(request.Model, turns, user, specialists, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = DateTimeOffset.UtcNow;
        var done = new OllamaGenerateResponse(request.Model!, now, request.Stream == false ? answer!.Content : string.Empty, true, "stop",
            Nanoseconds(answer!.LoadDuration + answer.Duration), Nanoseconds(answer.LoadDuration), answer.PromptTokens, answer.CompletionTokens, Nanoseconds(answer.Duration));
        return request.Stream == false
            ? TypedResults.Ok(done)
            : new NdjsonResult([new OllamaGenerateResponse(request.Model!, now, answer.Content, false), done]);
    }

    /// <summary>
    /// A specialist deployed to Ollama or vLLM answers through <c>/v1/chat/completions</c> only: both servers speak that
    /// API, while translating Ollama's own one for vLLM would be a second proxy for no caller that needs it.
    /// </summary>
    private static ProblemHttpResult? DeployedElsewhere(string? model, ClaimsPrincipal user, ExternalDeployments deployments) =>
        ModelNames.TryParse(model, out var id) && deployments.Find(user.GetTenantId(), id) is { } external
            ? TypedResults.Problem($"Model {id} is deployed to {external.Target}; ask it through /v1/chat/completions.",
                statusCode: StatusCodes.Status501NotImplemented, title: "Not Implemented")
            : null;

    private static OllamaModelDetails Details(SpecialistDescriptor descriptor) =>
        new(descriptor.ArtifactFormat, descriptor.Kind, [descriptor.Kind], "n/a", "F32");

    private static string Digest(SpecialistDescriptor descriptor) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(descriptor.Id.ToByteArray()));

    private static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
}
