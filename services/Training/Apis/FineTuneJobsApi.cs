using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SlmPlatform.ApiKeys;
using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Training.Infrastructure;

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
        FineTuneRequest? request, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, JobStore jobs,
        IPublishEndpoint bus, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = FineTuneRequestValidator.Validate(request, idempotencyKey, [.. catalog.Models.Select(m => m.Id)]);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tenantId = user.GetTenantId();
        var clientJobId = request!.ClientJobId ?? idempotencyKey;
        var normalised = request with { ClientJobId = clientJobId, Kind = request.Kind ?? "auto" };
        var jobId = clientJobId is null ? Guid.CreateVersion7() : DeterministicId.Create("finetune-job", tenantId, clientJobId);
        var (job, created) = await jobs.CreateAsync(tenantId, jobId, normalised, normalised.Kind!, cancellationToken);

        // Announced on every repeat of a queued job too: a lost first announcement is made good, and a worker
        // drops commands for jobs that are running or finished. The sweeper covers a publish that fails here.
        if (job.State == JobStates.Queued)
        {
            await bus.Publish(new StartFineTune(job.Id, tenantId), cancellationToken);
        }

        return created ? TypedResults.Created($"/api/finetune-jobs/{job.Id}", job) : TypedResults.Ok(job);
    }

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> GetJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> CancelJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
