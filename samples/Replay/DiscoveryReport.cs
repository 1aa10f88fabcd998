using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SlmPlatform.TaskDiscovery.Clustering;

namespace SlmPlatform.Replay;

/// <summary>
/// What the tasks service made of a replay, read back through its API: how pure each call site is (by the dataset
/// each call id came from) and, within the largest BANKING77 call site, how its topics match the intents
/// (NMI and ARI, every outlier its own cluster). The router's topics are re-clustered on demand first, so the figures
/// describe the whole replay rather than the last scheduled run.
/// </summary>
internal sealed class DiscoveryReport(HttpClient tasks)
{
    public async Task<string> WriteAsync(int expectedCalls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        List<JsonElement> list;
        while (true)
        {
            list = [.. (await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", cancellationToken)).EnumerateArray()];
            if (list.Sum(t => t.GetProperty("calls").GetInt64()) >= expectedCalls || clock.Elapsed > timeout)
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        var filed = clock.Elapsed;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"All {list.Sum(t => t.GetProperty("calls").GetInt64())} calls filed {filed.TotalSeconds:0} s after the last was accepted.");
        report.AppendLine().AppendLine("| call site | calls | datasets | purity | topics |").AppendLine("| --- | ---: | --- | ---: | ---: |");
        var calls = new Dictionary<string, List<JsonElement>>();
        foreach (var task in list)
        {
            var id = task.GetProperty("id").GetString()!;
            calls[id] = await CallsAsync(id, cancellationToken);
            var datasets = calls[id].GroupBy(c => Dataset(c.GetProperty("call_id").GetString()!)).OrderByDescending(g => g.Count()).ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {task.GetProperty("name").GetString()} | {calls[id].Count} | {string.Join(", ", datasets.Select(g => $"{g.Key} {g.Count()}"))} | {(double)datasets[0].Count() / calls[id].Count:0.000} | {task.GetProperty("topics").GetInt64()} |");
        }

        var router = list.OrderByDescending(t => calls[t.GetProperty("id").GetString()!].Count(c => Dataset(c.GetProperty("call_id").GetString()!) == "banking77")).First();
        var routerId = router.GetProperty("id").GetString()!;
        clock.Restart();
        using var reclustered = await tasks.PostAsync($"/api/tasks/{routerId}/topics/recluster", null, cancellationToken);
        reclustered.EnsureSuccessStatusCode();
        var seconds = clock.Elapsed.TotalSeconds;
        var routed = await CallsAsync(routerId, cancellationToken);
        var intents = routed.Select(c => c.GetProperty("output_label").GetString() ?? string.Empty).ToList();
        var intentIds = intents.Distinct().Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var truth = intents.Select(l => intentIds[l]).ToList();
        var topics = ClusteringMetrics.OutliersAsSingletons([.. routed.Select(c => c.GetProperty("topic_id") is { ValueKind: JsonValueKind.Number } t ? t.GetInt32() : -1)]);
        var outliers = routed.Count(c => c.GetProperty("topic_id").ValueKind != JsonValueKind.Number);
        var found = routed.Where(c => c.GetProperty("topic_id").ValueKind == JsonValueKind.Number).Select(c => c.GetProperty("topic_id").GetInt32()).Distinct().Count();
        report.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Router topics (re-clustered on demand in {seconds:0.0} s): {routed.Count} calls, {intentIds.Count} intents, {found} topics, "
            + $"{outliers} outliers ({100.0 * outliers / routed.Count:0.0} %), NMI {ClusteringMetrics.Nmi(truth, topics):0.000}, ARI {ClusteringMetrics.Ari(truth, topics):0.000}.");
        return report.ToString();
    }

    /// <summary>The replay's call ids start with the dataset they came from (banking77-test-17, bfcl-simple_python_3).</summary>
    private static string Dataset(string callId) => callId.Split('-')[0];

    private async Task<List<JsonElement>> CallsAsync(string taskId, CancellationToken cancellationToken)
    {
        var calls = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await tasks.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/calls?limit=500&after={after}", cancellationToken);
            calls.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        return calls;
    }
}
