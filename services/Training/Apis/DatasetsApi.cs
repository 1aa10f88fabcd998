using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Apis;

/// <summary>Dataset versions: their lineage, and exports for fine-tuning elsewhere.</summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        api.MapGet("/{id}", GetDataset).WithName("GetDataset").WithSummary("A dataset version: splits, labels, content hash and lineage");
        api.MapGet("/{id}/export", ExportDataset).WithName("ExportDataset").WithSummary("JSONL for fine-tuning: format=openai or hf, optional split=train|validation|test");
        return app;
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
