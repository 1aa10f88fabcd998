using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Scrubber.FunctionalTests;

public sealed class ScrubReportTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_ByDay_SumsReplacementsPerBucketForTheCallersTenantOnly()
    {
        // A day far in the past that no other test writes to, so the figures are this test's own.
        var day = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 7000));
        await InsertAsync(PipelineFixture.TenantB, day.AddHours(1), """{"PERSON":2,"EMAIL_ADDRESS":1}""");
        await InsertAsync(PipelineFixture.TenantB, day.AddHours(5), """{"PERSON":1}""");
        await InsertAsync(PipelineFixture.TenantB, day.AddDays(1).AddHours(3), """{"CREDIT_CARD":4}""");
        await InsertAsync(PipelineFixture.TenantA, day.AddHours(2), """{"PERSON":100}""");
        using var client = fixture.Calls.CreateClient(fixture.KeyB);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/scrub/report?from={day:yyyy-MM-dd}&to={day.AddDays(3):yyyy-MM-dd}&bucket=day", Token);

        var buckets = report.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(2, buckets.Count);
        Assert.Equal(day, buckets[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal(2, buckets[0].GetProperty("calls").GetInt64());
        Assert.Equal(3, buckets[0].GetProperty("replacements").GetProperty("PERSON").GetInt64());
        Assert.Equal(1, buckets[0].GetProperty("replacements").GetProperty("EMAIL_ADDRESS").GetInt64());
        Assert.Equal(4, buckets[1].GetProperty("replacements").GetProperty("CREDIT_CARD").GetInt64());
        Assert.Equal(3, report.GetProperty("totals").GetProperty("PERSON").GetInt64());
    }

    [Fact]
    public async Task Report_AfterAScrubbedCall_CountsItsReplacements()
    {
        var id = $"report-{Guid.NewGuid():N}";
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        var call = JsonSerializer.Serialize(new
        {
            id,
            agent = "report-bot",
            request = new { messages = new[] { new { role = "user", content = "Mail jane@example.com or bob@example.org" } } },
            response = new { choices = new[] { new { message = new { role = "assistant", content = "ok" } } } },
        });
        using var posted = await ingest.PostAsync("/v1/calls", new StringContent(call, Encoding.UTF8, "application/json"), Token);
        Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout));
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);

        var report = await calls.GetFromJsonAsync<JsonElement>(
            $"/api/scrub/report?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}&bucket=hour", Token);

        // Other tests of this tenant may store calls in the same hour: at least this call's two e-mails.
        Assert.True(report.GetProperty("totals").GetProperty("EMAIL_ADDRESS").GetInt64() >= 2);
    }

    [Theory]
    [InlineData("bucket=year", "bucket")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=2000-01-01&to=2026-01-01&bucket=hour", "bucket")]
    public async Task Report_BadParameter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await client.GetAsync($"/api/scrub/report?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task InsertAsync(string tenant, DateTimeOffset storedAt, string replacements)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.CallsDb);
        await using var command = dataSource.CreateCommand(
            """
            insert into calls (tenant_id, call_id, agent, started_at, status, source, request, response, replacements, captured_at, stored_at)
            values ($1, $2, 'report-test', $3, 'success', 'test', '{}', '{}', $4, $3, $3)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = $"report-{Guid.NewGuid():N}" });
        command.Parameters.Add(new NpgsqlParameter { Value = storedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = replacements, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(Token);
    }
}
