using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Scores a model as it serves: each test example's request goes to serving, and the answer is compared with the
/// teacher's own answer (exact match; JSON validity, equivalence and shape; tool-call names and full calls, AST-style),
/// each measure with its 95 % interval. The model's own dataset by default; another dataset of the same task compares
/// models on the same held-out set (a retrained model must beat the serving one there).
/// </summary>
public sealed class ServedModelEvaluator(
    ModelRegistry registry, DatasetStore datasets, EvaluationStore evaluations, ServingClient serving, IOptions<EvaluationOptions> options)
{
    private static readonly JsonElement NoAnswer = JsonSerializer.SerializeToElement(new { role = "assistant", content = string.Empty });

    /// <summary>The stored evaluation; null when the model is not the tenant's. A dataset that is not the tenant's, is
    /// another task's or has no test split is an <see cref="ArgumentException"/> naming <c>datasetId</c>.</summary>
    public async Task<(RegisteredModel Model, ModelEvaluation Evaluation)?> EvaluateAsync(
        string tenantId, Guid modelId, string? datasetId, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(tenantId, modelId, cancellationToken) is not { } model)
        {
            return null;
        }

        if (await datasets.FindAsync(tenantId, datasetId ?? model.DatasetId, cancellationToken) is not { } dataset)
        {
            throw new ArgumentException($"No dataset {datasetId ?? model.DatasetId}.", nameof(datasetId));
        }

        if (dataset.TaskId != model.TaskId)
        {
            throw new ArgumentException($"Dataset {dataset.Id} belongs to another task than model {modelId}.", nameof(datasetId));
        }

        var examples = await datasets.ExamplesAsync(dataset, cancellationToken)
            ?? throw new InvalidOperationException($"Dataset {dataset.Id}'s examples are missing from the artifact store.");
        var test = EvenSample([.. examples.Where(e => e.Split == DatasetExample.Test)], options.Value.MaxExamples);
        if (test.Count == 0)
        {
            throw new ArgumentException($"Dataset {dataset.Id} has no test examples.", nameof(datasetId));
        }

        var scores = new AnswerScore[test.Count];
        var latencies = new double[test.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, test.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (message, elapsed) = await serving.AskAsync(tenantId, modelId, test[i].Messages, test[i].Tools, token);
                scores[i] = AnswerScore.Compare(message ?? NoAnswer, test[i].Answer);
                latencies[i] = elapsed.TotalMilliseconds;
            });

        var report = EvaluationReport.Of(scores);
        Array.Sort(latencies);
        var primary = report.Primary;
        var evaluation = new ModelEvaluation(
            model.Id, dataset.Id, model.TaskId, report.Examples, report.PrimaryMeasure, primary.Value, primary.Low, primary.High,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), JsonSerializer.SerializeToElement(report, Db.JsonOptions), DateTimeOffset.UtcNow);
        return (model, await evaluations.SaveAsync(tenantId, evaluation, cancellationToken));
    }

    public static ModelEvaluated ToEvent(string tenantId, RegisteredModel model, ModelEvaluation evaluation) => new(
        DeterministicId.Create("model-evaluated", evaluation.ModelId.ToString(), evaluation.DatasetId, evaluation.EvaluatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        tenantId, evaluation.ModelId, evaluation.TaskId, model.Kind, evaluation.DatasetId, evaluation.Examples, evaluation.Measure,
        evaluation.Agreement, evaluation.AgreementLower, evaluation.AgreementUpper, evaluation.LatencyP50Ms);

    private static List<DatasetExample> EvenSample(List<DatasetExample> examples, int limit) =>
        examples.Count <= limit ? examples : [.. Enumerable.Range(0, limit).Select(i => examples[(int)((long)i * examples.Count / limit)])];

    private static double Percentile(double[] sorted, double share) => sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
}
