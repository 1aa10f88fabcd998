using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// Deploys one of the tenant's specialists now, as a <c>ModelDeployRequested</c> would, and answers with the
/// <c>ModelDeployed</c> (also announced on the bus when serving has one). Failures are problem details carrying the
/// event: 422 a model that cannot go there, 502 the target refused it, 503 the target cannot be reached.
/// </summary>
public static partial class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deployments").WithTags("Deployments").RequireAuthorization();
        api.MapGet("/", ListDeployments).WithName("ListDeployments")
            .WithSummary("The tenant's specialists and the target answering for each, newest first; pass 'next' as 'after' for the next page");
        api.MapPost("/", Deploy).WithName("DeploySpecialist").WithSummary("Deploy a specialist to serving, Ollama or vLLM")
            .WithRequestExample("""{"model_id": "9b1c4e7a-2f3d-4a8b-b6e5-0c7d1f2a3b4c", "target": "embedded"}""");
        return app;
    }

    /// <summary>
    /// The tenant's specialists, newest first, each with where it answers: <c>limit</c> (1–200, default 50) sizes the
    /// page, and a page's <c>next</c> passed as <c>after</c> gives the one after it.
    /// </summary>
    public static async Task<Results<Ok<DeploymentPage>, ValidationProblem>> ListDeployments(
        string? limit, string? after, ClaimsPrincipal user, DeploymentListing listing, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = KeysetPaging.Size(limit, errors);
        var cursor = KeysetPaging.After(after, KeysetPaging.ParseGuidCursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await listing.ListAsync(user.GetTenantId(), cursor, size, cancellationToken);
        return TypedResults.Ok(new DeploymentPage(page, page.Count == size ? KeysetPaging.Cursor(page[^1].CreatedAt, page[^1].ModelId.ToString("N")) : null));
    }

    public static async Task<Results<Ok<ModelDeployed>, ValidationProblem, ProblemHttpResult>> Deploy(
        DeploymentRequest request, ClaimsPrincipal user, ISpecialistSource source, SpecialistDeployment deployment, HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.ModelId, out var modelId))
        {
            errors["model_id"] = ["Give the id of a model in the registry."];
        }

        if (request.Target is { } target && !DeployTargets.All.Contains(target))
        {
            errors["target"] = [$"The target is one of {string.Join(", ", DeployTargets.All)}, or left out for the configured default."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tenantId = user.GetTenantId();
        if (await source.FindAsync(tenantId, modelId, context.RequestAborted) is not { } model)
        {
            return TypedResults.Problem($"Model '{request.ModelId}' not found.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        var message = new ModelDeployRequested(ModelDeployRequested.IdFor(tenantId, modelId, request.Target), tenantId, modelId, model.TaskId,
            model.Kind, model.BaseModel ?? string.Empty, model.ArtifactKey, request.Target);
        var outcome = await deployment.DeployAsync(message, context.RequestAborted);
        await AnnounceAsync(context, outcome.Event);

        return outcome.Failure switch
        {
            null => TypedResults.Ok(outcome.Event),
            var failure => TypedResults.Problem(outcome.Event.Error, statusCode: failure switch
            {
                DeploymentFailure.Invalid => StatusCodes.Status422UnprocessableEntity,
                DeploymentFailure.Rejected => StatusCodes.Status502BadGateway,
                _ => StatusCodes.Status503ServiceUnavailable,
            }, title: "Deployment failed", extensions: new Dictionary<string, object?> { ["deployment"] = outcome.Event }),
        };
    }

    /// <summary>
    /// Tells the platform when serving is on the bus. Not mandatory: nothing may listen for the event yet, and the
    /// deployment itself is done, so a broker away is logged, not turned into a failed request.
    /// </summary>
    private static async Task AnnounceAsync(HttpContext context, ModelDeployed deployed)
    {
        if (context.RequestServices.GetService<IPublishEndpoint>() is not { } bus)
        {
            return;
        }

        try
        {
            await bus.Publish(deployed, publish => publish.MessageId = deployed.EventId, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogNotAnnounced(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeploymentsApi)), deployed.ModelId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deployment of model {ModelId} was not announced on the bus")]
    private static partial void LogNotAnnounced(ILogger logger, Guid modelId, Exception exception);
}
