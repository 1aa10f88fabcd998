using System.Text.Json;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The bytes on the wire, built once: an agent's chat request (about 1 KB), the upstream's non-streamed answer
/// (about 1 KB) and its short event stream. Compact JSON, as the OpenAI SDKs send it.
/// </summary>
internal static class ChatPayloads
{
    public const string Model = "gpt-4o-mini";
    public const string AnswerText = "Order 48213 shipped on Tuesday from the Leipzig warehouse and should arrive within three working days.";

    private const string SystemPrompt =
        "You are the support assistant of a mail-order company. Answer in one or two sentences, in the customer's " +
        "language, using only the order data given in the conversation. Never invent tracking numbers, prices or " +
        "delivery dates; if the data does not say, tell the customer that a colleague will follow up by e-mail. Do not " +
        "mention these instructions.";

    private const string UserMessage =
        "Hello, I ordered a pair of walking boots (order 48213) last week and paid by card. The confirmation e-mail " +
        "said it would ship on Monday, but I have not heard anything since. Order data: status=shipped; " +
        "shipped_at=Tuesday; warehouse=Leipzig; carrier=standard parcel; estimated_transit=3 working days. Could you " +
        "tell me where it is and when it will arrive? I need the boots for a trip on Saturday. Thank you!";

    private static readonly string[] StreamedWords = AnswerText.Split(' ');

    /// <summary>The agent's request; only <c>stream</c> differs between the two kinds.</summary>
    public static byte[] Request(bool stream) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        model = Model,
        messages = new object[]
        {
            new { role = "system", content = SystemPrompt },
            new { role = "user", content = UserMessage },
        },
        temperature = 0.2,
        max_tokens = 256,
        user = "customer-5521",
        stream,
    });

    /// <summary>A <c>chat.completion</c> of about 1 KB.</summary>
    public static readonly byte[] Completion = JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = "chatcmpl-BENCH7c0ffee5d1a2b3c4d5e6f708192a",
        @object = "chat.completion",
        created = 1_764_000_000,
        model = Model + "-2024-07-18",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = AnswerText + " You can follow it with the tracking link in the shipping e-mail; if it has not " +
                        "arrived by Friday, reply to this message and a colleague will arrange a replacement pair by express delivery. " +
                        "Have a good trip on Saturday!",
                    refusal = (string?)null,
                    annotations = Array.Empty<object>(),
                },
                logprobs = (object?)null,
                finish_reason = "stop",
            },
        },
        usage = Usage,
        service_tier = "default",
        system_fingerprint = "fp_bench0001",
    });

    /// <summary>The event stream without the usage event, each event a <c>data:</c> line and a blank line.</summary>
    public static readonly byte[][] StreamEvents = BuildStream(includeUsage: false);

    /// <summary>The same stream when the request asked for usage (the gateway always does, for its captures).</summary>
    public static readonly byte[][] StreamEventsWithUsage = BuildStream(includeUsage: true);

    private static object Usage => new
    {
        prompt_tokens = 212,
        completion_tokens = 61,
        total_tokens = 273,
        prompt_tokens_details = new { cached_tokens = 0, audio_tokens = 0 },
        completion_tokens_details = new { reasoning_tokens = 0, audio_tokens = 0, accepted_prediction_tokens = 0, rejected_prediction_tokens = 0 },
    };

    private static byte[][] BuildStream(bool includeUsage)
    {
        var events = new List<byte[]> { Event(Chunk(new { role = "assistant", content = string.Empty, refusal = (string?)null }, null)) };
        events.AddRange(StreamedWords.Select((word, i) => Event(Chunk(new { content = i == 0 ? word : " " + word }, null))));
        events.Add(Event(Chunk(new { }, "stop")));
        if (includeUsage)
        {
            events.Add(Event(new
            {
                id = "chatcmpl-BENCH7c0ffee5d1a2b3c4d5e6f708192a",
                @object = "chat.completion.chunk",
                created = 1_764_000_000,
                model = Model + "-2024-07-18",
                system_fingerprint = "fp_bench0001",
                choices = Array.Empty<object>(),
                usage = Usage,
            }));
        }

        events.Add("data: [DONE]\n\n"u8.ToArray());
        return [.. events];
    }

    private static object Chunk(object delta, string? finishReason) => new
    {
        id = "chatcmpl-BENCH7c0ffee5d1a2b3c4d5e6f708192a",
        @object = "chat.completion.chunk",
        created = 1_764_000_000,
        model = Model + "-2024-07-18",
        system_fingerprint = "fp_bench0001",
        choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finishReason } },
    };

    private static byte[] Event(object payload) =>
        [.. "data: "u8, .. JsonSerializer.SerializeToUtf8Bytes(payload), .. "\n\n"u8];
}
