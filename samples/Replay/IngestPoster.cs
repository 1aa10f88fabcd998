using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SlmPlatform.Replay;

/// <summary>Posts records to ingest as NDJSON batches, waiting and retrying when the broker is busy (503).</summary>
internal sealed class IngestPoster(HttpClient http, string apiKey)
{
    public async Task<(int Accepted, int Rejected)> PostAsync(IEnumerable<JsonObject> records, int batchSize, CancellationToken cancellationToken)
    {
        var accepted = 0;
        var rejected = 0;
        foreach (var batch in records.Chunk(batchSize))
        {
            var body = string.Join('\n', batch.Select(r => r.ToJsonString()));
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/calls/batch") { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(2), cancellationToken);
                    continue;
                }

                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new HttpRequestException($"Ingest answered {(int)response.StatusCode}: {answer}");
                }

                var result = JsonNode.Parse(answer)!;
                accepted += result["accepted"]!.AsArray().Count;
                rejected += result["rejected"]!.AsArray().Count;
                break;
            }
        }

        return (accepted, rejected);
    }
}
