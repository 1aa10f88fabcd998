using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SlmPlatform.ApiKeys;
using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Training.Infrastructure;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Apis;

/// <summary>Fine-tune jobs: start one for a task, follow its progress, cancel it.</summary>
public static class FineTuneJobsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapFineTuneJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/finetune-jobs").WithTags("Fine-tune jobs").RequireAuthorization();
        api.MapPost("", CreateJob).WithName("CreateFineTuneJob").WithSummary("Queues a fine-tune job for a task; a repeated Idempotency-Key or client_job_id returns the same job");
        api.MapGet("/{id:guid}", GetJob).WithName("GetFineTuneJob").WithSummary("A job with its state, progress (phase, epoch, losses, ETA) and selection");
        api.MapPost("/{id:guid}/cancel", CancelJob).WithName("CancelFineTuneJob").WithSummary("Cancels a queued job at once, a running one at its worker's next heartbeat");
        return app;
    }

    public static async Task<Results<Created<FineTuneJob>, Ok<FineTuneJob>, ValidationProblem>> CreateJob(
        FineTuneRequest? request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, JobStarter starter,
        IPublishEndpoint bus, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = FineTuneRequestValidator.Validate(request, idempotencyKey, [.. catalog.Models.Select(m => m.Id)]);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (job, created) = await starter.StartAsync(user.GetTenantId(), request! with { ClientJobId = request.ClientJobId ?? idempotencyKey }, bus, cancellationToken);
        return created ? TypedResults.Created($"/api/finetune-jobs/{job.Id}", job) : TypedResults.Ok(job);
    }

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> GetJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> CancelJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
