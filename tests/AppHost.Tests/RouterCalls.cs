namespace SlmPlatform.AppHost.Tests;

/// <summary>An agent's intent-router calls as the end-to-end tests capture them: four intents, varied wording.</summary>
internal static class RouterCalls
{
    public const string SystemPrompt =
        "You route a bank's customer-support messages. Answer with JSON {\"intent\": \"<label>\"}, where <label> is one of: " +
        "card_arrival, exchange_rate, lost_card, top_up.";

    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["card_arrival"] = ["When will my new card arrive?", "My card still has not been delivered", "How long does card delivery take?", "I am waiting for my card in the post", "The card you sent me never came"],
        ["exchange_rate"] = ["What exchange rate do you use?", "How much is a euro in dollars today?", "Is the currency conversion rate fair?", "Which rate applies when I pay abroad?", "Why did the pound cost me so much?"],
        ["lost_card"] = ["I lost my card yesterday", "Someone stole my wallet with my card", "My card is missing, please block it", "I cannot find my bank card anywhere", "My purse was taken on the train"],
        ["top_up"] = ["How do I add money to my account?", "My top-up has not gone through", "Can I top up with a credit card?", "The transfer to fill my balance failed", "Is there a limit on adding funds?"],
    };

    /// <summary>How many intents the router answers with: a task holds this many times the calls per intent.</summary>
    public static int Intents => Texts.Count;

    private static readonly string[] Openings = ["", "Hi, ", "Hello there. ", "Good morning! ", "Quick question: ", "Sorry to bother you, ", "Urgent: ", "Dear bank, "];

    private static readonly string[] Endings = ["", " Thanks.", " I am travelling in Spain.", " This is the second time I ask.", " Answer soon please."];

    /// <summary>What the agent sent its LLM and what the teacher answered: four intents, varied wording.</summary>
    public static string Captured(string agent, int perIntent)
    {
        var calls = new List<object>();
        foreach (var (intent, texts) in Texts)
        {
            for (var n = 0; n < perIntent; n++)
            {
                var text = Openings[n / texts.Length % Openings.Length] + texts[n % texts.Length] + Endings[n * 3 % Endings.Length];
                calls.Add(new
                {
                    id = $"{agent}-{intent}-{n}",
                    agent,
                    request = new { model = "gpt-4o", messages = new[] { new { role = "system", content = SystemPrompt }, new { role = "user", content = text } } },
                    response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent }) } } } },
                });
            }
        }

        return JsonSerializer.Serialize(calls);
    }
}
