using Microsoft.Extensions.Options;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// Scores the configured base model on the specialist's test examples, zero-shot (each example's own messages) and
/// few-shot (k train-split examples of the same dataset before the question), so a specialist's figures read against
/// what the untrained model does. An endpoint that cannot be reached leaves that baseline unavailable, never the
/// specialist's evaluation failed.
/// </summary>
public sealed partial class BaselineEvaluator(
    ChatCompletionsClient llm, AnswerSimilarity similarity, IOptions<EvaluationOptions> options, ILogger<BaselineEvaluator> logger)
{
    /// <summary>The two baselines; null with the reason when no base-model endpoint is configured.</summary>
    public async Task<(BaselineResults? Results, string? Reason)> EvaluateAsync(
        IReadOnlyList<DatasetExample> test, IReadOnlyList<DatasetExample> train, CancellationToken cancellationToken)
    {
        var settings = options.Value.Baselines;
        if (!settings.IsConfigured)
        {
            return (null, "No base-model endpoint: Evaluation:Baselines:Url and Evaluation:Baselines:Model are not set.");
        }

        var zeroShot = await ScoreAsync(settings, test, null, static e => e.Messages, cancellationToken);
        var shots = FewShotPrompt.Choose(train, e => e.ClassKey, e => e.CallId, settings.Shots);
        var fewShot = shots.Count == 0
            ? BaselineResult.NotScored(settings.Model!, 0, "The dataset has no train examples to show.")
            : await ScoreAsync(settings, test, shots, e => FewShotPrompt.Build(e.Messages, shots.Select(s => (s.Messages, s.Answer))), cancellationToken);
        return (new BaselineResults(zeroShot, fewShot), null);
    }

    private async Task<BaselineResult> ScoreAsync(
        BaselineOptions settings, IReadOnlyList<DatasetExample> test, IReadOnlyList<DatasetExample>? shots,
        Func<DatasetExample, JsonElement> messagesOf, CancellationToken cancellationToken)
    {
        try
        {
            var scored = await ScoredAnswers.CollectAsync(
                test, options.Value.Concurrency,
                (example, token) => llm.AskAsync(
                    settings.Url!, settings.ApiKey,
                    new { model = settings.Model, messages = messagesOf(example), tools = example.Tools, stream = false, temperature = 0 },
                    options.Value.Timeout, token),
                cancellationToken);
            await similarity.AddAsync(scored, test, cancellationToken);
            return new BaselineResult(
                BaselineResult.Evaluated, settings.Model!, shots?.Count, shots?.Select(s => s.CallId).ToList(),
                EvaluationReport.Of(scored.Scores, options.Value.SimilarityThreshold), scored.Failed, scored.Percentile(0.50), scored.Percentile(0.95), null);
        }
        catch (HttpRequestException e)
        {
            LogUnavailable(shots is null ? "base" : "few_shot", e.HttpRequestError);
            return BaselineResult.NotScored(settings.Model!, shots?.Count, $"The base-model endpoint could not be used: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Baseline {Baseline} unavailable ({Error}); the specialist's evaluation goes on without it")]
    private partial void LogUnavailable(string baseline, HttpRequestError error);
}
