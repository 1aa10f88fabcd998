using System.Text;
using System.Text.Json;

namespace SlmPlatform.Replicas.Benchmarks;

/// <summary>
/// Support calls of about 1.5 KB carrying what the scrubber replaces (names, e-mail addresses, phone numbers, card
/// numbers), as NDJSON batches for ingest. Made up here, from nothing in the test sets.
/// </summary>
internal static class CallBatches
{
    private static readonly string[] Names = ["Imogen Castellanos", "Tobiah Wrenfield", "Marisol Okonkwo-Tate", "Leandro Fairbairn"];

    public const int Size = 100;

    public static StringContent Batch(string run, int batch) =>
        new(string.Join('\n', Enumerable.Range(0, Size).Select(i => Record(run, batch * Size + i))), Encoding.UTF8, "application/x-ndjson");

    private static string Record(string run, int n)
    {
        var name = Names[n % Names.Length];
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{n}@mailbox.example";
        return JsonSerializer.Serialize(new
        {
            id = $"bench-{run}-{n}",
            agent = "support-desk",
            request = new
            {
                messages = new object[]
                {
                    new { role = "system", content = "You answer customers of a furniture shop. Classify the message as delivery, refund, damage or other, and draft a short reply. Keep the customer's details out of the reply." },
                    new { role = "user", content = $"Hello, this is {name}. My order {4_000_000 + n} was meant to arrive on Tuesday and it has not. Please call me on +44 7700 900{n % 1000:000} or write to {email}. I paid with 4111 1111 1111 1111 and would like a refund if it cannot come this week." },
                },
            },
            response = new
            {
                choices = new[]
                {
                    new { index = 0, message = new { role = "assistant", content = $"{{\"category\":\"delivery\",\"reply\":\"Dear {name.Split(' ')[0]}, I am sorry your order is late. I have asked the carrier for a new date and will write to you today.\"}}" } },
                },
            },
        });
    }
}
