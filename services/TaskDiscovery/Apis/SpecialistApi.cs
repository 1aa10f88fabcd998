using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>
/// Promote a trained specialist to serve a task (a person's approval, or the promotion policy's) — in full, as a canary
/// on a share of the calls, or in the shadow of the teacher — or send the task back to the teacher. Promotion routes
/// every key the task's calls came with, in the gateways' routing table.
/// </summary>
public static class SpecialistApi
{
    public static IEndpointRouteBuilder MapSpecialistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks/{id:guid}/specialist").WithTags("Tasks").RequireAuthorization();
        api.MapPut("", Promote).WithName("PromoteSpecialist").WithSummary("Routes the task's calls to a specialist (a serving model id)")
            .WithRequestExample("""{"model_id": "9b1c4e7a-2f3d-4a8b-b6e5-0c7d1f2a3b4c"}""");
        api.MapDelete("", Demote).WithName("DemoteSpecialist").WithSummary("Sends the task's calls back to the teacher");
        return app;
    }

    public static async Task<Results<Ok<TaskSpecialist>, NotFound, ValidationProblem, ProblemHttpResult>> Promote(
        Guid id, SpecialistPromotion promotion, ClaimsPrincipal user, SpecialistRouting routing, TenantModelStore models, TaskStore tasks,
        CancellationToken cancellationToken)
    {
        if (Validate(promotion) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The task in the path first: another tenant's task is not found, whatever model the body names.
        if (await tasks.FindAsync(user.GetTenantId(), id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        if (!await models.IsTenantsAsync(user.GetTenantId(), promotion.ModelId!.Value, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["model_id"] = [$"No model {promotion.ModelId} of this tenant: it must be one that training registered for it (a model from before models were announced here is known once it is evaluated again)."],
            });
        }

        var mode = promotion.Mode ?? RouteModes.Full;
        double? share = mode == RouteModes.Canary ? promotion.Share ?? RouteModes.DefaultShare : null;
        var (outcome, promoted) = await routing.PromoteAsync(
            user.GetTenantId(), id, promotion.ModelId!.Value, mode, share, promotion.Sample ?? RouteModes.DefaultSample, promotion.Threshold, cancellationToken);
        return outcome switch
        {
            RoutingChange.Done => TypedResults.Ok(promoted!),
            RoutingChange.NotRoutable => TypedResults.Problem("The task's calls carry no workload tag or prompt key yet, so the gateway cannot recognise them.",
                statusCode: StatusCodes.Status409Conflict, title: "Not routable"),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound>> Demote(
        Guid id, ClaimsPrincipal user, SpecialistRouting routing, CancellationToken cancellationToken) =>
        await routing.DemoteAsync(user.GetTenantId(), id, cancellationToken) switch
        {
            RoutingChange.Done => TypedResults.NoContent(),
            _ => TypedResults.NotFound(),
        };

    /// <summary>
    /// Every field's problem at once, or null. A field that would do nothing in the mode asked for (a share outside
    /// canary, a sample in shadow, where every call is compared) is refused rather than silently ignored.
    /// </summary>
    private static Dictionary<string, string[]>? Validate(SpecialistPromotion promotion)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = promotion.Mode ?? RouteModes.Full;
        if (promotion.ModelId is not { } modelId || modelId == Guid.Empty)
        {
            errors["model_id"] = ["Give the serving model id of the specialist."];
        }

        if (!RouteModes.IsKnown(mode))
        {
            errors["mode"] = [$"Must be '{RouteModes.Full}', '{RouteModes.Shadow}' or '{RouteModes.Canary}'."];
        }

        if (promotion.Share is { } share && (mode != RouteModes.Canary || !(share > 0 && share <= 1)))
        {
            errors["share"] = [mode == RouteModes.Canary ? "Must be more than 0 and at most 1." : $"Only a '{RouteModes.Canary}' route takes a share."];
        }

        if (promotion.Sample is { } sample && (mode == RouteModes.Shadow || !(sample >= 0 && sample <= 1)))
        {
            errors["sample"] = [mode == RouteModes.Shadow ? "A shadow route compares every call; leave sample out." : "Must be from 0 to 1."];
        }

        if (promotion.Threshold is { } threshold && !(threshold >= 0 && double.IsFinite(threshold)))
        {
            errors["threshold"] = ["Must be a finite confidence of 0 or more (the specialist answers calls it is at least this sure of)."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
