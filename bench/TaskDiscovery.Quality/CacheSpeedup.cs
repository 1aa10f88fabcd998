namespace SlmPlatform.TaskDiscovery.Quality;

internal sealed record CacheSpeedupResult(int Calls, double NaiveCallsPerSecond, double CachedCallsPerSecond, double WarmCallsPerSecond);

/// <summary>
/// The replayed router's calls embedded as the tasks service would without and with the content-hash cache: each call's
/// system prompt and user turn, call by call. Without the cache the long prompt (77 intents) is embedded on every call;
/// with it, once. "Warm" is a second pass over the same calls (a replay or a redelivery): every text is a hit.
/// </summary>
internal static class CacheSpeedup
{
    // Banking77Calls in samples/Replay builds the same prompt; the measure is of that replay.
    public static string RouterPrompt(IEnumerable<string> intents) =>
        "You route a bank's customer-support messages. Answer with JSON {\"intent\": \"<label>\"}, " +
        "where <label> is exactly one of: " + string.Join(", ", intents) + ".";

    public static async Task<CacheSpeedupResult> MeasureAsync(string[] userTurns, string systemPrompt)
    {
        using var onnx = new OnnxSentenceEmbeddingGenerator();
        await onnx.GenerateAsync([systemPrompt, userTurns[0]]);
        var naive = await PerCallAsync(onnx, userTurns, systemPrompt);
        var cached = new CachingEmbeddingGenerator(onnx, new InMemoryEmbeddingCache(), onnx.Model.ModelId);
        var cold = await PerCallAsync(cached, userTurns, systemPrompt);
        var warm = await PerCallAsync(cached, userTurns, systemPrompt);
        return new CacheSpeedupResult(userTurns.Length, naive, cold, warm);
    }

    public static string Render(CacheSpeedupResult r, string loadBefore, string loadAfter) => string.Create(CultureInfo.InvariantCulture,
        $"""
        Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (load average {loadBefore} before, {loadAfter} after), Release.
        The first {r.Calls:N0} replayed router calls, embedded call by call (system prompt + user turn), same process:

        | path | calls/s | × no cache |
        | --- | ---: | ---: |
        | no cache: both texts embedded on every call | {r.NaiveCallsPerSecond:F0} | 1.00 |
        | content-hash cache, first replay (the prompt once, every user turn) | {r.CachedCallsPerSecond:F0} | {r.CachedCallsPerSecond / r.NaiveCallsPerSecond:F2} |
        | content-hash cache, replayed again (every text a hit) | {r.WarmCallsPerSecond:F0} | {r.WarmCallsPerSecond / r.NaiveCallsPerSecond:F1} |
        """);

    private static async Task<double> PerCallAsync(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> generator, string[] userTurns, string systemPrompt)
    {
        var clock = Stopwatch.StartNew();
        foreach (var turn in userTurns)
        {
            await generator.GenerateAsync([systemPrompt, turn]);
        }

        return userTurns.Length / clock.Elapsed.TotalSeconds;
    }
}
