using Microsoft.Extensions.Options;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Evaluation;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Scores a model as it serves: each test example's request goes to serving, and the answer is compared with the
/// teacher's own answer (exact match; JSON validity, equivalence and shape; tool-call names and full calls, AST-style;
/// for free text, embedding similarity), each measure with its 95 % interval. The model's own dataset by default; another dataset of the same task compares
/// models on the same held-out set (a retrained model must beat the serving one there). Where configured, the report
/// also holds base-model baselines (zero-shot and few-shot) and an LLM judge's verdicts on free text.
/// </summary>
public sealed class ServedModelEvaluator(
    ModelRegistry registry, DatasetStore datasets, EvaluationStore evaluations, ServingClient serving, IOptions<EvaluationOptions> options,
    AnswerSimilarity similarity, BaselineEvaluator baselines, AnswerJudge judge)
{
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

        var scored = await ScoredAnswers.CollectAsync(
            test, options.Value.Concurrency, (example, token) => serving.AskAsync(tenantId, modelId, example.Messages, example.Tools, token), cancellationToken);
        await similarity.AddAsync(scored, test, cancellationToken);
        var report = EvaluationReport.Of(scored.Scores, options.Value.SimilarityThreshold);
        var primary = report.Primary;
        var evaluation = new ModelEvaluation(
            model.Id, dataset.Id, model.TaskId, report.Examples, report.PrimaryMeasure, primary.Value, primary.Low, primary.High,
            scored.Percentile(0.50), scored.Percentile(0.95), await FullReportAsync(report, scored, test, examples, cancellationToken), DateTimeOffset.UtcNow);
        return (model, await evaluations.SaveAsync(tenantId, evaluation, cancellationToken));
    }

    public static ModelEvaluated ToEvent(string tenantId, RegisteredModel model, ModelEvaluation evaluation, Guid? requestId = null) => new(
        DeterministicId.Create("model-evaluated", evaluation.ModelId.ToString(), evaluation.DatasetId, evaluation.EvaluatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        tenantId, evaluation.ModelId, evaluation.TaskId, model.Kind, evaluation.DatasetId, evaluation.Examples, evaluation.Measure,
        evaluation.Agreement, evaluation.AgreementLower, evaluation.AgreementUpper, evaluation.LatencyP50Ms, evaluation.RiskCoverage, requestId);

    // The specialist's figures stay at the top level (the columns repeat its primary measure); the baselines and the
    // judge sit beside them, each null with a reason when not configured, so an absence is never silent.
    private async Task<JsonElement> FullReportAsync(
        EvaluationReport report, ScoredAnswers scored, List<DatasetExample> test, IReadOnlyList<DatasetExample> examples, CancellationToken cancellationToken)
    {
        var train = examples.Where(e => e.Split == DatasetExample.Train).ToList();
        var (baselineResults, baselinesReason) = await baselines.EvaluateAsync(test, train, cancellationToken);
        var (verdicts, judgeReason) = await judge.JudgeAsync(scored, test, cancellationToken);
        var full = JsonSerializer.SerializeToNode(report, Db.JsonOptions)!.AsObject();
        full["baselines"] = JsonSerializer.SerializeToNode(baselineResults, Db.JsonOptions);
        full["baselines_reason"] = baselinesReason;
        full["judge"] = JsonSerializer.SerializeToNode(verdicts, Db.JsonOptions);
        full["judge_reason"] = judgeReason;
        full["failed_answers"] = scored.Failed;
        if (scored.RiskCoverage(report, options.Value.SimilarityThreshold) is { } curve)
        {
            // The curve is the model's; the threshold depends on the tenant's bar, which the promotion policy holds.
            // The operating points at common bars are here for people reading the report.
            full[CoverageCurve.ReportKey] = JsonSerializer.SerializeToNode(curve, Db.JsonOptions);
            full["operating_points"] = JsonSerializer.SerializeToNode(
                ReportedBars.Select(bar => new { bar, point = RiskCoverage.AtBar(curve, bar) is { } p ? new { p.Threshold, p.Coverage, p.Answered, agreement = p.Agreement.Value, agreement_lower = p.Agreement.Low } : null }),
                Db.JsonOptions);
        }

        return JsonSerializer.SerializeToElement(full, Db.JsonOptions);
    }

    private static readonly double[] ReportedBars = [0.90, 0.95, 0.98];

    private static List<DatasetExample> EvenSample(List<DatasetExample> examples, int limit) =>
        examples.Count <= limit ? examples : [.. Enumerable.Range(0, limit).Select(i => examples[(int)((long)i * examples.Count / limit)])];
}
