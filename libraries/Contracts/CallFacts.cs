namespace SlmPlatform.Contracts;

/// <summary>
/// What task discovery needs to know about a scrubbed call without its text: its call-site signature (a hash of the
/// system prompt, the tools offered, the kind of output) and the figures for task statistics.
/// <c>OutputKind</c> is one of <see cref="OutputKinds"/>; <c>OutputLabel</c> is the answer when it is label-like (a
/// short text, a JSON object holding one short string, or the names of the tools called). <c>RequestText</c> is the
/// request's last user turn, already scrubbed and cut to <see cref="MaxRequestTextLength"/> characters: what topics
/// within a call site are found from. <c>SystemPrompt</c> is the scrubbed system prompt, cut to
/// <see cref="MaxSystemPromptLength"/>: what tells apart call sites whose prompts differ only in a templated value.
/// <c>PromptKey</c> is a keyed hash of the agent and the raw system prompt, which the gateway computes alike to route
/// the call site's calls (see SlmPlatform.Routing). <c>TokensEstimated</c> says the call carried no usage and the token
/// counts were estimated from its text with GPT-4o's tokenizer.
/// </summary>
public sealed record CallFacts(
    string? Model,
    int? PromptTokens,
    int? CompletionTokens,
    double? LatencyMs,
    string OutputKind,
    string? OutputLabel,
    string SystemPromptHash,
    IReadOnlyList<string> ToolNames,
    string? RequestText = null,
    string? SystemPrompt = null,
    string? PromptKey = null,
    bool TokensEstimated = false)
{
    public const int MaxRequestTextLength = 2000;
    public const int MaxSystemPromptLength = 4000;
}

/// <summary>The kinds of output a call site produces.</summary>
public static class OutputKinds
{
    public const string ToolCall = "tool_call";
    public const string Json = "json";
    public const string Text = "text";
}
