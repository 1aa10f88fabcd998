namespace SlmPlatform.Specialists.Generative;

/// <summary>Greedy-decoding results on held-out examples.</summary>
/// <param name="Count">Examples scored.</param>
/// <param name="ExactMatches">Answers equal to the reference, character for character.</param>
/// <param name="Predictions">The generated answers, in input order.</param>
/// <param name="Elapsed">Time spent generating.</param>
/// <param name="GeneratedTokens">Tokens generated (answer tokens and end marks).</param>
public sealed record GenerativeEvaluation(int Count, int ExactMatches, IReadOnlyList<string> Predictions, TimeSpan Elapsed, long GeneratedTokens)
{
    public double ExactMatch => Count == 0 ? 0 : (double)ExactMatches / Count;
}
