using Microsoft.Extensions.AI;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// Free text says the same thing in other words as often as in the teacher's: such answers are also compared by the
/// cosine similarity of their sentence embeddings (the MiniLM model the datasets are built with).
/// </summary>
public sealed class AnswerSimilarity(IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public async Task AddAsync(ScoredAnswers scored, IReadOnlyList<DatasetExample> test, CancellationToken cancellationToken)
    {
        var free = Enumerable.Range(0, scored.Scores.Length).Where(i => scored.Scores[i].IsFreeText).ToList();
        if (free.Count == 0)
        {
            return;
        }

        var given = free.Select(i => AnswerScore.TextOf(scored.Answers[i])).ToList();
        var expected = free.Select(i => AnswerScore.TextOf(test[i].Answer)).ToList();
        var vectors = await embeddings.GenerateAsync([.. given, .. expected], cancellationToken: cancellationToken);
        for (var k = 0; k < free.Count; k++)
        {
            var similarity = given[k].Length == 0 ? 0 : Cosine(vectors[k].Vector.Span, vectors[free.Count + k].Vector.Span);
            scored.Scores[free[k]] = scored.Scores[free[k]].WithSimilarity(similarity);
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
}
