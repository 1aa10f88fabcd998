using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Specialists.Kubernetes;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// What a finished GPU fine-tune left in its output folder (deploy/training's contract: the PEFT adapter, a Modelfile
/// and <c>result.json</c>), as the registry records it. The recipe measures losses, not held-out answers: unless its
/// <c>result.json</c> carries a <c>test</c> object (<c>n</c>, <c>accuracy</c> or <c>exact_match</c>, <c>macro_f1</c>),
/// the model is registered with n = 0 and the evaluation service's score as served is its first held-out figure.
/// </summary>
internal static class LoraResult
{
    public const string Format = "peft-lora";
    private static readonly string[] AdapterFiles = ["adapter_config.json", "adapter_model.safetensors"];

    public static async Task<TrainedSpecialist> ReadAsync(
        IArtifactStore artifacts, CatalogModel model, LoraHyperparameters h, string datasetId, string trainKey, string? validationKey,
        string adapterKey, string kubernetesJob, CancellationToken cancellationToken)
    {
        foreach (var file in AdapterFiles)
        {
            await using var stream = await artifacts.OpenReadAsync($"{adapterKey}/{file}", cancellationToken);
            if (stream is null)
            {
                throw new InvalidDataException($"The GPU trainer reported success but left no {file} in {adapterKey}.");
            }
        }

        var result = await ReadJsonAsync(artifacts, $"{adapterKey}/result.json", cancellationToken);
        var test = result is { } r && r.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.Object ? t : (JsonElement?)null;
        var n = test is { } tested && tested.TryGetProperty("n", out var count) && count.TryGetInt32(out var c) ? c : 0;
        var accuracy = JsonNumbers.Number(test, "accuracy") ?? JsonNumbers.Number(test, "exact_match") ?? 0;
        var metrics = new
        {
            training = new
            {
                train_loss = JsonNumbers.Number(result, "train_loss"),
                validation_loss = JsonNumbers.Number(result, "validation_loss"),
                seconds = JsonNumbers.Number(result, "seconds"),
                examples = JsonNumbers.Number(result, "examples"),
                validation_examples = JsonNumbers.Number(result, "validation_examples"),
                result_file = result is not null,
            },
            test = test ?? JsonSerializer.SerializeToElement(new { n = 0, note = "The trainer scores no held-out answers; the evaluation service scores the model as served." }),
        };
        var hyperparameters = new
        {
            catalog_model = model.Id, h.Method, h.Rank, h.Alpha, h.Dropout, h.Epochs, h.LearningRate, h.MaxSeqLength, h.BatchSize,
        };
        var artifact = new
        {
            adapter = new
            {
                key = adapterKey,
                location = artifacts.LocationOf(adapterKey),
                format = Format,
                // What deployment needs: vLLM serves the base with --enable-lora and this folder; Ollama builds from the
                // Modelfile (FROM the base's tag, ADAPTER .) in it.
                base_model = model.HuggingFaceId,
                ollama_base = model.OllamaTag,
                modelfile_key = $"{adapterKey}/Modelfile",
                dataset_id = datasetId,
                train_key = trainKey,
                validation_key = validationKey,
                kubernetes_job = kubernetesJob,
            },
        };
        return new TrainedSpecialist(model.HuggingFaceId, hyperparameters, metrics, artifact, n, accuracy, JsonNumbers.Number(test, "macro_f1") ?? accuracy, LoraJob.Kind);
    }

    private static async Task<JsonElement?> ReadJsonAsync(IArtifactStore artifacts, string key, CancellationToken cancellationToken)
    {
        await using var stream = await artifacts.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // The adapter is what matters; a garbled result file only costs the training figures.
            return null;
        }
    }
}
