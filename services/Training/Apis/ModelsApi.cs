using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SlmPlatform.ApiKeys;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Apis;

/// <summary>The model registry: trained specialists with their dataset, hyper-parameters, held-out metrics and artifacts.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        api.MapGet("", ListModels).WithName("ListModels").WithSummary("The tenant's models, newest first; task_id filters by task");
        api.MapGet("/{id:guid}", GetModel).WithName("GetModel").WithSummary("One model with its metrics and artifact locations");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RegisteredModel>>> ListModels([FromQuery(Name = "task_id")] Guid? taskId, ClaimsPrincipal user, ModelRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(user.GetTenantId(), taskId, cancellationToken));

    public static async Task<Results<Ok<RegisteredModel>, NotFound>> GetModel(Guid id, ClaimsPrincipal user, ModelRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(user.GetTenantId(), id, cancellationToken) is { } model ? TypedResults.Ok(model) : TypedResults.NotFound();
}
