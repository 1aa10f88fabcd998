using System.Text.Json.Serialization;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>One labelled sentence of Presidio's synthetic data set (synth_dataset_v2.json).</summary>
internal sealed record PresidioSample(
    [property: JsonPropertyName("full_text")] string FullText,
    [property: JsonPropertyName("spans")] IReadOnlyList<PresidioSpan> Spans);

internal sealed record PresidioSpan(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("start_position")] int Start,
    [property: JsonPropertyName("end_position")] int End);

internal static class PresidioSet
{
    public const string RelativePath = "presidio-synth/synth_dataset_v2.json";

    public static IReadOnlyList<PresidioSample> Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<PresidioSample>>(stream) ?? [];
    }
}
