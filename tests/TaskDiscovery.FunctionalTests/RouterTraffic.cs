namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>Self-made customer messages for three intents of a bank's router call site, phrased differently each time.</summary>
internal static class RouterTraffic
{
    public const string Prompt = "You route a bank's support messages. Answer {\"intent\": \"<label>\"}.";

    public static readonly IReadOnlyDictionary<string, string[]> Messages = new Dictionary<string, string[]>
    {
        ["card_arrival"] =
        [
            "When will my new card arrive?", "My card still hasn't arrived in the post", "How long does it take for a card to be delivered?",
            "I ordered a card two weeks ago and it is not here yet", "Is my card on its way?", "Where is the card you sent me?",
            "The replacement card has not been delivered", "How many days until my debit card arrives?", "I am still waiting for my card to come",
            "Can you track the delivery of my new card?", "My card never showed up in the mail", "When should I expect my card in the post?",
        ],
        ["exchange_rate"] =
        [
            "What exchange rate do you use?", "How is the currency conversion rate calculated?", "Is the exchange rate for dollars good today?",
            "Which rate will I get when I exchange euros?", "Why was the exchange rate different from the market rate?", "Where can I see today's exchange rates?",
            "Do you apply the interbank exchange rate?", "What rate do you charge to convert pounds to euros?", "How often do your exchange rates change?",
            "I think the currency exchange rate was wrong", "Tell me the conversion rate from yen to dollars", "Are exchange rates fixed over the weekend?",
        ],
        ["lost_or_stolen_card"] =
        [
            "I lost my card, please block it", "Someone stole my card yesterday", "My wallet was stolen with my bank card inside",
            "I can't find my card anywhere, what do I do?", "Please freeze my card, it was stolen", "I think I left my card at the restaurant and lost it",
            "My card was taken from my bag", "How do I report a stolen card?", "I misplaced my card and need it cancelled",
            "Block my card immediately, it is lost", "A thief took my purse and my card", "My card has gone missing, cancel it please",
        ],
    };

    public static string Call(string id, string agent, string text, string intent) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        request = new { model = "gpt-4o", messages = new[] { new { role = "system", content = Prompt }, new { role = "user", content = text } }, response_format = new { type = "json_object" } },
        response = new
        {
            model = "gpt-4o",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent }) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 120, completion_tokens = 8, total_tokens = 128 },
        },
    });

    /// <summary>Every message once, as NDJSON records of one agent, with ids that start with the run.</summary>
    public static string Batch(string run, string agent) => string.Join('\n', Messages.SelectMany(
        pair => pair.Value.Select((text, i) => Call($"{run}-{pair.Key}-{i}", agent, text, pair.Key))));

    public static int Count => Messages.Values.Sum(m => m.Length);
}
