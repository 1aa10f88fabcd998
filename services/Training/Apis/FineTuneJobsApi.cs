using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
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
        api.MapPost("", CreateJob).WithName("CreateFineTuneJob").WithSummary("Queues a fine-tune job for a task; a repeated Idempotency-Key or client_job_id returns the same job")
            .WithRequestExample("""{"task_id": "3f2b8c1e-5d4a-4e7b-9c1d-2a6f8e0b7c55", "kind": "auto", "client_job_id": "router-nightly-2027-01-04"}""");
        api.MapGet("", ListJobs).WithName("ListFineTuneJobs").WithSummary("The tenant's jobs, newest first, filtered by task_id and state; pass 'next' as 'after' for the next page");
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

    /// <summary>
    /// The tenant's jobs, newest first: <c>task_id</c> and <c>state</c> filter, <c>limit</c> (1–200, default 50) sizes the
    /// page, and a page's <c>next</c> passed as <c>after</c> gives the one after it.
    /// </summary>
    public static async Task<Results<Ok<FineTuneJobPage>, ValidationProblem>> ListJobs(
        [FromQuery(Name = "task_id")] Guid? taskId, string? state, string? limit, string? after, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = KeysetPaging.Size(limit, errors);

        if (state is not null && state is not (JobStates.Queued or JobStates.Running or JobStates.Succeeded or JobStates.Failed or JobStates.Cancelled))
        {
            errors["state"] = ["Must be queued, running, succeeded, failed or cancelled."];
        }

        var cursor = KeysetPaging.After(after, KeysetPaging.ParseGuidCursor, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await jobs.ListAsync(user.GetTenantId(), taskId, state, cursor, size, cancellationToken);
        return TypedResults.Ok(new FineTuneJobPage(page, page.Count == size ? PageCursor.Of(page[^1]) : null));
    }

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> GetJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    public static async Task<Results<Ok<FineTuneJob>, NotFound>> CancelJob(Guid id, ClaimsPrincipal user, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(user.GetTenantId(), id, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
