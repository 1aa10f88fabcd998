namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>Call records as agents send them; each test names its own agent so its messages are its own.</summary>
internal static class Calls
{
    public static string Record(string agent, string? id = null, string content = "Where is my parcel?") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["agent"] = agent,
            ["workload"] = "route-intent",
            ["started_at"] = "2026-11-28T10:15:00Z",
            ["latency_ms"] = 420,
            ["request"] = new { model = "gpt-4o", messages = new[] { new { role = "user", content } } },
            ["response"] = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "track_parcel" } } } },
        });

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static string UniqueAgent() => $"agent-{Guid.NewGuid():N}";
}
