using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Scores a model as it serves: each test example's request goes to serving, and the answer is compared with the
/// teacher's own answer (exact match; JSON validity, equivalence and shape; tool-call names and full calls, AST-style;
/// for free text, embedding similarity), each measure with its 95 % interval. The model's own dataset by default; another dataset of the same task compares
/// models on the same held-out set (a retrained model must beat the serving one there).
/// </summary>
public sealed class ServedModelEvaluator(
    ModelRegistry registry, DatasetStore datasets, EvaluationStore evaluations, ServingClient serving, IOptions<EvaluationOptions> options,
    IEmbeddingGenerator<string, Embedding<float>> embeddings)
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
        var answers = new JsonElement[test.Count];
        var latencies = new double[test.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, test.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (message, elapsed) = await serving.AskAsync(tenantId, modelId, test[i].Messages, test[i].Tools, token);
                answers[i] = message ?? NoAnswer;
                scores[i] = AnswerScore.Compare(answers[i], test[i].Answer);
                latencies[i] = elapsed.TotalMilliseconds;
            });

        await AddSimilaritiesAsync(scores, answers, test, cancellationToken);
        var report = EvaluationReport.Of(scores, options.Value.SimilarityThreshold);
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

    // Free text says the same thing in other words as often as in the teacher's: such answers are also compared by
    // the cosine similarity of their sentence embeddings (the MiniLM model the datasets are built with).
    private async Task AddSimilaritiesAsync(AnswerScore[] scores, JsonElement[] answers, List<DatasetExample> test, CancellationToken cancellationToken)
    {
        var free = Enumerable.Range(0, scores.Length).Where(i => scores[i].IsFreeText).ToList();
        if (free.Count == 0)
        {
            return;
        }

        var given = free.Select(i => AnswerScore.TextOf(answers[i])).ToList();
        var expected = free.Select(i => AnswerScore.TextOf(test[i].Answer)).ToList();
        var vectors = await embeddings.GenerateAsync([.. given, .. expected], cancellationToken: cancellationToken);
        for (var k = 0; k < free.Count; k++)
        {
            var similarity = given[k].Length == 0 ? 0 : Cosine(vectors[k].Vector.Span, vectors[free.Count + k].Vector.Span);
            scores[free[k]] = scores[free[k]].WithSimilarity(similarity);
        }
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    private static List<DatasetExample> EvenSample(List<DatasetExample> examples, int limit) =>
        examples.Count <= limit ? examples : [.. Enumerable.Range(0, limit).Select(i => examples[(int)((long)i * examples.Count / limit)])];

    private static double Percentile(double[] sorted, double share) => sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
}
