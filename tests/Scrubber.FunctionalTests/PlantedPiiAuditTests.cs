using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// After a run of calls full of planted personal data, none of the planted values may be found anywhere the platform
/// writes: any table of its databases, any log line, any trace (tags and events) the services emitted.
/// </summary>
public sealed class PlantedPiiAuditTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const int Calls = 25;

    // Values of every structured type the scrubber guarantees, each unmistakable in a dump.
    private static readonly string[] Planted =
    [
        "audit.person.7731@example-mail.org",
        "+44 20 7946 0958",
        "4539 1488 0343 6467",
        "DE89 3704 0044 0532 0130 00",
        "536-90-4399",
        "203.0.113.77",
        "2001:db8:85a3::8a2e:370:7334",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlantedValues_AppearInNoTableLogOrTrace()
    {
        var traces = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => traces.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(listener);
        var run = Guid.NewGuid().ToString("N");
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        for (var i = 0; i < Calls; i++)
        {
            using var posted = await ingest.PostAsync("/v1/calls", new StringContent(Call($"audit-{run}-{i}"), Encoding.UTF8, "application/json"), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        for (var i = 0; i < Calls; i++)
        {
            Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, $"audit-{run}-{i}", TimeSpan.FromSeconds(20)));
        }

        var dump = await DumpEveryTableAsync(fixture.CallsDb) + await DumpEveryTableAsync(fixture.PlatformDb);
        var logs = string.Join('\n', fixture.Ingest.Logs.Lines.Concat(fixture.Calls.Logs.Lines));
        var spans = string.Join('\n', traces);
        Assert.Contains(run, dump, StringComparison.Ordinal);
        Assert.NotEmpty(traces);
        foreach (var value in Planted)
        {
            Assert.DoesNotContain(value, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(value, spans, StringComparison.Ordinal);
        }
    }

    private static string Call(string id)
    {
        var arguments = JsonSerializer.Serialize(new { email = Planted[0], phone = Planted[1], card = Planted[2], iban = Planted[3] });
        return JsonSerializer.Serialize(new
        {
            id,
            agent = "audit-agent",
            request = new
            {
                model = "gpt-4o",
                messages = new object[]
                {
                    new { role = "system", content = $"Server {Planted[5]} / {Planted[6]}, deploy key {Planted[7]}, token {Planted[8]}." },
                    new { role = "user", content = $"I'm {Planted[0]}, phone {Planted[1]}, SSN {Planted[4]}, card {Planted[2]}, IBAN {Planted[3]}." },
                },
            },
            response = new
            {
                choices = new[]
                {
                    new { index = 0, message = new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = "update_profile", arguments } } } }, finish_reason = "tool_calls" },
                },
            },
        });
    }

    /// <summary>Every row of every table of the database, as JSON text.</summary>
    private static async Task<string> DumpEveryTableAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = dataSource.CreateCommand($"select coalesce(json_agg(t)::text, '') from {table} t");
            dump.AppendLine((string?)await rows.ExecuteScalarAsync(Token));
        }

        return dump.ToString();
    }

    private static string Describe(Activity activity) =>
        $"{activity.DisplayName} {string.Join(' ', activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} " +
        string.Join(' ', activity.Events.Select(e => $"{e.Name} {string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}"))}"));
}
