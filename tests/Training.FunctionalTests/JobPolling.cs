namespace SlmPlatform.Training.FunctionalTests;

internal static class JobPolling
{
    /// <summary>Polls the job until <paramref name="done"/> holds or the timeout passes; returns the last state read.</summary>
    public static Task<JsonElement> WaitAsync(HttpClient client, Guid jobId, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var token = TestContext.Current.CancellationToken;
        return Eventually.ReadAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/finetune-jobs/{jobId}", token), done, timeout, token);
    }

    public static bool IsFinal(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled";

    public static int Epoch(JsonElement job) =>
        job.GetProperty("progress") is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("epoch", out var e) ? e.GetInt32() : 0;
}
