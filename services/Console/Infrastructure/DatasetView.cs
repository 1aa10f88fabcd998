using System.Text.Json;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>A dataset version as the training page lists it: examples per split and how many labels.</summary>
public sealed record DatasetView(DatasetSummary Dataset, int Train, int Validation, int Test, int Labels)
{
    public int Examples => Train + Validation + Test;

    public static DatasetView Of(DatasetSummary dataset) => new(
        dataset,
        Count(dataset.Splits, "train"),
        Count(dataset.Splits, "validation"),
        Count(dataset.Splits, "test"),
        dataset.Labels.ValueKind == JsonValueKind.Array ? dataset.Labels.GetArrayLength() : 0);

    private static int Count(JsonElement splits, string split) =>
        splits.ValueKind == JsonValueKind.Object && splits.TryGetProperty(split, out var count) && count.TryGetInt32(out var value) ? value : 0;
}
