using Microsoft.ML.Tokenizers;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// The typical teacher call of the router call site, in tokens as the teacher bills them: the BANKING77 router prompt
/// (system prompt naming the 77 intents, one customer message) and its answer <c>{"intent": "…"}</c>, counted with
/// GPT-4o's tokenizer (o200k_base) and OpenAI's published chat overhead (3 tokens per message, 3 to prime the reply).
/// The ~4 characters per token rule of thumb is given beside it.
/// </summary>
internal sealed record TeacherCall(double InputTokens, double OutputTokens, double InputTokensByChars, double OutputTokensByChars, int SystemPromptChars)
{
    private const int PerMessage = 3;
    private const int ReplyPriming = 3;

    public static TeacherCall Of(string systemPrompt, IReadOnlyList<string> messages, IReadOnlyList<string> answers)
    {
        var tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");
        var system = tokenizer.CountTokens(systemPrompt);
        var input = messages.Average(m => system + tokenizer.CountTokens(m) + 2 * PerMessage + ReplyPriming);
        var output = answers.Average(a => tokenizer.CountTokens(a));
        return new TeacherCall(input, output,
            messages.Average(m => (systemPrompt.Length + m.Length) / 4.0), answers.Average(a => a.Length / 4.0), systemPrompt.Length);
    }

    public double CostUsd(ServingBenchmarkOptions o) =>
        (InputTokens * o.TeacherInputUsdPerMillion + OutputTokens * o.TeacherOutputUsdPerMillion) / 1e6;
}
