namespace SlmPlatform.Specialists.Generative;

/// <summary>How a prompt and its answer become one token sequence: <c>&lt;s&gt; prompt &lt;|answer|&gt; answer
/// &lt;/s&gt;</c>. Training, TorchSharp generation and the LLamaSharp runner all go through here.</summary>
internal static class PromptFormat
{
    /// <summary>BOS, the prompt's tokens (its beginning when it is too long) and the answer marker.</summary>
    public static int[] Prompt(SpecialistTokenizer tokenizer, string prompt, int contextLength, int maxAnswerTokens)
    {
        var tokens = tokenizer.Encode(prompt);
        var room = Math.Max(1, contextLength - maxAnswerTokens - 2);
        var kept = tokens.Count > room ? tokens.GetRange(0, room) : tokens;
        return [SpecialistTokenizer.Bos, .. kept, SpecialistTokenizer.AnswerStart];
    }

    /// <summary>The full training sequence and the index of the answer marker (the first position whose next
    /// token is scored).</summary>
    public static (int[] Tokens, int AnswerStart) Example(SpecialistTokenizer tokenizer, string prompt, string answer, int contextLength, int maxAnswerTokens)
    {
        var head = Prompt(tokenizer, prompt, contextLength, maxAnswerTokens);
        var answerTokens = tokenizer.Encode(answer);
        if (answerTokens.Count + 1 > maxAnswerTokens)
        {
            answerTokens = answerTokens.GetRange(0, maxAnswerTokens - 1);
        }

        return ([.. head, .. answerTokens, SpecialistTokenizer.Eos], head.Length - 1);
    }
}
