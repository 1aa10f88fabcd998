using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Apis;

/// <summary>Dataset versions: their lineage, and exports for fine-tuning elsewhere.</summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        api.MapGet("", ListDatasets).WithName("ListDatasets").WithSummary("The tenant's dataset versions, newest first, filtered by task_id; pass 'next' as 'after' for the next page");
        api.MapGet("/{id}", GetDataset).WithName("GetDataset").WithSummary("A dataset version: splits, labels, content hash and lineage");
        api.MapGet("/{id}/export", ExportDataset).WithName("ExportDataset").WithSummary("JSONL for fine-tuning: format=openai or hf, optional split=train|validation|test");
        return app;
    }

    /// <summary>
    /// The tenant's dataset versions, newest first: <c>task_id</c> filters, <c>limit</c> (1–200, default 50) sizes the
    /// page, and a page's <c>next</c> passed as <c>after</c> gives the one after it.
    /// </summary>
    public static async Task<Results<Ok<DatasetPage>, ValidationProblem>> ListDatasets(
        [FromQuery(Name = "task_id")] Guid? taskId, string? limit, string? after, ClaimsPrincipal user, DatasetStore datasets, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = KeysetPaging.Size(limit, errors);
        var cursor = KeysetPaging.After(after, KeysetPaging.ParseCursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await datasets.ListAsync(user.GetTenantId(), taskId, cursor, size, cancellationToken);
        return TypedResults.Ok(new DatasetPage(page, page.Count == size ? PageCursor.Of(page[^1]) : null));
    }

    public static async Task<Results<Ok<StoredDataset>, NotFound>> GetDataset(string id, ClaimsPrincipal user, DatasetStore datasets, CancellationToken cancellationToken) =>
        await datasets.FindAsync(user.GetTenantId(), id, cancellationToken) is { } dataset ? TypedResults.Ok(dataset) : TypedResults.NotFound();

    public static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem>> ExportDataset(
        string id, string? format, string? split, ClaimsPrincipal user, DatasetStore datasets, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!DatasetExport.IsFormat(format))
        {
            errors["format"] = [$"Must be '{DatasetExport.OpenAi}' or '{DatasetExport.HuggingFace}'."];
        }

        if (split is not (null or DatasetExample.Train or DatasetExample.Validation or DatasetExample.Test))
        {
            errors["split"] = ["Must be train, validation or test (or absent for all)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await datasets.FindAsync(user.GetTenantId(), id, cancellationToken) is not { } dataset
            || await datasets.ExamplesAsync(dataset, cancellationToken) is not { } examples)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(
            stream => DatasetExport.WriteAsync(examples, format!, stream, split, cancellationToken),
            "application/x-ndjson", $"{id}.{format}.jsonl");
    }
}
