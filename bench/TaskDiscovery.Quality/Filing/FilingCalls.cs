using System.Text;
using System.Text.Json;

namespace SlmPlatform.TaskDiscovery.Quality.Filing;

/// <summary>
/// Support calls of one call site whose last user turns all differ (so no embedding is served from a cache), as NDJSON
/// batches for ingest. Made up here, from nothing in the test sets.
/// </summary>
internal static class FilingCalls
{
    public const int BatchSize = 100;

    private static readonly string[] Openings = ["Hi,", "Hello,", "Good morning,", "Hey there,", "Dear support,", "Quick question:"];
    private static readonly string[] Items = ["sofa", "desk lamp", "bookshelf", "dining table", "office chair", "wardrobe", "bed frame", "rug", "mirror", "coffee table"];
    private static readonly string[] Problems = ["has not arrived", "came with a broken leg", "is the wrong colour", "is missing two screws", "was charged twice", "arrived scratched", "never shipped", "was delivered to a neighbour"];
    private static readonly string[] Asks = ["Can you send a replacement?", "I would like a refund.", "When will it come?", "Please call me back.", "What are my options?", "Can I return it in store?"];

    public static StringContent Batch(string run, int batch) =>
        new(string.Join('\n', Enumerable.Range(0, BatchSize).Select(i => Record(run, batch * BatchSize + i))), Encoding.UTF8, "application/x-ndjson");

    private static string Record(string run, int n)
    {
        var text = $"{Openings[n % Openings.Length]} my {Items[n / 6 % Items.Length]} (order {5_000_000 + n}) {Problems[n / 60 % Problems.Length]} " +
            $"since {1 + (n % 28)} days. {Asks[n / 480 % Asks.Length]}";
        return JsonSerializer.Serialize(new
        {
            id = $"filing-{run}-{n}",
            agent = "furniture-desk",
            request = new
            {
                messages = new object[]
                {
                    new { role = "system", content = "Classify the customer's message as delivery, damage, refund or other. Answer with the label only." },
                    new { role = "user", content = text },
                },
            },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "delivery" } } } },
        });
    }
}
