using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Training.Infrastructure;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Apis;

/// <summary>
/// Evaluations of a model as served against the teacher's answers. Every trained model is evaluated on its own
/// dataset automatically; a POST evaluates it now, on its dataset or on another dataset of the same task.
/// </summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models/{id:guid}/evaluations").WithTags("Models").RequireAuthorization();
        api.MapGet("", ListEvaluations).WithName("ListEvaluations").WithSummary("The model's evaluations against the teacher, newest first");
        api.MapPost("", Evaluate).WithName("EvaluateModel").WithSummary("Scores the model as served on a dataset's test split (its own by default)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ModelEvaluation>>, NotFound>> ListEvaluations(
        Guid id, ClaimsPrincipal user, ModelRegistry registry, EvaluationStore evaluations, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        return await registry.FindAsync(tenantId, id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await evaluations.ListAsync(tenantId, id, cancellationToken));
    }

    public static async Task<Results<Ok<ModelEvaluation>, NotFound, ValidationProblem, ProblemHttpResult>> Evaluate(
        Guid id, EvaluationRequest? request, ClaimsPrincipal user, ServedModelEvaluator evaluator, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        try
        {
            if (await evaluator.EvaluateAsync(tenantId, id, request?.DatasetId, cancellationToken) is not var (model, evaluation))
            {
                return TypedResults.NotFound();
            }

            var message = ServedModelEvaluator.ToEvent(tenantId, model, evaluation);
            await publisher.Publish(message, publish => publish.MessageId = message.EventId, cancellationToken);
            return TypedResults.Ok(evaluation);
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dataset_id"] = [e.Message] });
        }
        catch (HttpRequestException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Serving unavailable");
        }
    }
}

/// <summary>Body of <c>POST /api/models/{id}/evaluations</c>; every field optional.</summary>
public sealed record EvaluationRequest(string? DatasetId = null);
