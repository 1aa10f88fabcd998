using System.Text.Json.Serialization;

namespace SlmPlatform.Specialists.Catalog;

/// <summary>The candidate small models and embedded specialist kinds (Catalog/models.json), versioned as data.</summary>
public sealed record ModelCatalog(string Version, IReadOnlyList<string> Notes, IReadOnlyList<SpecialistKind> SpecialistKinds, IReadOnlyList<CatalogModel> Models)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The catalog shipped in this assembly.</summary>
    public static ModelCatalog Embedded()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("SlmPlatform.Specialists.Catalog.models.json")
            ?? throw new InvalidOperationException("The embedded model catalog is missing.");
        return Load(stream);
    }

    /// <summary>Reads a catalog file (the same schema), e.g. one a deployment keeps beside the service.</summary>
    public static ModelCatalog Load(Stream stream)
    {
        var catalog = JsonSerializer.Deserialize<ModelCatalog>(stream, JsonOptions) ?? throw new InvalidDataException("The catalog is empty.");
        var ids = catalog.SpecialistKinds.Select(k => k.Id).Concat(catalog.Models.Select(m => m.Id)).ToList();
        if (string.IsNullOrWhiteSpace(catalog.Version) || ids.Count != ids.Distinct(StringComparer.Ordinal).Count())
        {
            throw new InvalidDataException("A catalog needs a version and unique ids.");
        }

        return catalog;
    }
}

/// <summary>A specialist the platform trains and serves itself, on CPU.</summary>
public sealed record SpecialistKind(
    string Id,
    string Description,
    IReadOnlyList<string> OutputForms,
    string RunsOn,
    string Gpu,
    double ParametersBillions,
    double MemoryGb,
    int MinExamples,
    double RelativeCost,
    string Trainer,
    string Artifact,
    string ParityExpectation,
    int? MinExamplesPerLabel = null,
    int? MaxLabels = null,
    int? MaxOutputTokens = null,
    string? EmbeddingModel = null,
    bool Available = true,
    string? UnavailableReason = null);

/// <summary>A small language model fine-tuned (LoRA/QLoRA) on a GPU node and served by Ollama or vLLM.</summary>
public sealed record CatalogModel(
    string Id,
    string Family,
    double ParametersBillions,
    string Licence,
    int ContextLength,
    string ToolCalling,
    ModelMemory MemoryGb,
    double TrainingGpuGb,
    string OllamaTag,
    string HuggingFaceId,
    string Gpu,
    double RelativeCost);

public sealed record ModelMemory(double F16, [property: JsonPropertyName("q4_k_m")] double Q4KM);

/// <summary>The forms a task's output can take, as the selector sees them.</summary>
public static class OutputForms
{
    /// <summary>One of a fixed set of values (a short text, or JSON holding one short string).</summary>
    public const string LabelSet = "label_set";
    public const string Json = "json";
    public const string ToolCall = "tool_call";
    public const string Text = "text";
}
