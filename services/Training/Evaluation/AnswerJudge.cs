using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// Asks the configured LLM (the teacher's provider) whether each free-text answer conveys what the teacher's answer
/// does. Only scrubbed text reaches it: the request, reference and candidate all come from a dataset, and datasets
/// are built from calls after the scrubber; the candidate answered that scrubbed request.
/// </summary>
public sealed partial class AnswerJudge(JudgeChatClient judge, IOptions<EvaluationOptions> options, ILogger<AnswerJudge> logger)
{
    /// <summary>The verdicts on the free-text answers; null with the reason when no judge is configured or no answer is
    /// free text.</summary>
    public async Task<(JudgeResult? Result, string? Reason)> JudgeAsync(
        ScoredAnswers scored, IReadOnlyList<DatasetExample> test, CancellationToken cancellationToken)
    {
        var settings = options.Value.Judge;
        if (!settings.IsConfigured)
        {
            return (null, "No judge: Evaluation:Judge:Url and Evaluation:Judge:Model are not set.");
        }

        var free = Enumerable.Range(0, test.Count).Where(i => scored.Scores[i].IsFreeText).ToList();
        if (free.Count == 0)
        {
            return (null, "No free-text answers to judge: exact, JSON and tool-call measures apply.");
        }

        var verdicts = new bool?[free.Count];
        string? lastError = null;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, free.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (k, token) =>
            {
                var i = free[k];
                ChatMessage[] messages =
                [
                    new(ChatRole.System, JudgePrompt.Rubric),
                    new(ChatRole.User, JudgePrompt.UserTurn(test[i].InputText, AnswerScore.TextOf(test[i].Answer), AnswerScore.TextOf(scored.Answers[i]))),
                ];
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(settings.Timeout);
                try
                {
                    var reply = await judge.Client.GetResponseAsync(messages, Verdicts, deadline.Token);
                    verdicts[k] = JudgePrompt.Verdict(reply.Text);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // Late: no verdict, counted as a judge failure like a reply that is none.
                }
                catch (Exception e) when (e is ClientResultException or HttpRequestException)
                {
                    // One verdict lost is a judge failure, counted; it says nothing of the specialist.
                    lastError = e.Message;
                }
            });

        var given = verdicts.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        var failures = free.Count - given.Count;
        if (failures > 0)
        {
            LogFailures(failures, free.Count);
        }

        return given.Count == 0
            ? (new JudgeResult(JudgeResult.Unavailable, settings.Model!, free.Count, null, failures, lastError ?? "The judge gave no verdict."), null)
            : (new JudgeResult(JudgeResult.Judged, settings.Model!, free.Count, Proportion.Of(given), failures, null), null);
    }

    private static readonly ChatOptions Verdicts = new() { Temperature = 0, ResponseFormat = ChatResponseFormat.Json };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The judge failed on {Failures} of {Answers} free-text answers")]
    private partial void LogFailures(int failures, int answers);
}
