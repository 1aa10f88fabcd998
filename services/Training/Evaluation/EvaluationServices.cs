namespace SlmPlatform.Training.Evaluation;

public static class EvaluationServices
{
    /// <summary>
    /// Adds what scores a specialist beside its baselines (<c>Evaluation:Baselines</c>) and has an LLM judge its free
    /// text (<c>Evaluation:Judge</c>); both stay off, and say so in each report, until their Url and Model are set.
    /// </summary>
    public static IServiceCollection AddBaselinesAndJudge(this IServiceCollection services)
    {
        services.AddOptions<EvaluationOptions>()
            .Validate(o => o.Baselines.Shots >= 0 && o.Judge.Concurrency >= 1 && o.Judge.Timeout > TimeSpan.Zero,
                "Evaluation: Baselines:Shots ≥ 0, Judge:Concurrency ≥ 1, Judge:Timeout > 0.");
        services.AddHttpClient(ChatCompletionsClient.ClientName);
        services.AddSingleton<ChatCompletionsClient>();
        services.AddSingleton<JudgeChatClient>();
        services.AddSingleton<AnswerSimilarity>();
        services.AddSingleton<BaselineEvaluator>();
        services.AddSingleton<AnswerJudge>();
        return services;
    }
}
