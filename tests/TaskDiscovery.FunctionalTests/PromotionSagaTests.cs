using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using SlmPlatform.DbMigrator.Infrastructure;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>The promotion saga's repository in PostgreSQL: one message at a time per task, nothing lost between them.</summary>
public sealed class PromotionSagaTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChecksDeliveredTogether_ForOneTask_AreEachCounted()
    {
        var taskId = Guid.Parse(await fixture.PostLabelledCallsAsync($"saga-{Guid.NewGuid():N}", "w", [("Where is my card?", "card_arrival")]));
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/tasks/{taskId}/promotion", Token)).StatusCode);

        // The saga's endpoint takes several messages at once; without the per-task lock, two checks that read the same
        // count would both write it plus one, and the total would fall short.
        var bus = fixture.Tasks.Services.GetRequiredService<IBus>();
        var messageIds = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(messageIds.Select(id => bus.Publish(new PromotionCheckDue(DiscoveryFixture.TenantId, taskId), publish => publish.MessageId = id, Token)));
        foreach (var id in messageIds)
        {
            await fixture.Consumed.WaitForAsync(id);
        }

        var promotion = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotion", Token);
        Assert.Equal(messageIds.Count, promotion.GetProperty("checks").GetInt64());
        Assert.Equal("unserved", promotion.GetProperty("state").GetString());
        Assert.Empty(promotion.GetProperty("challengers").EnumerateArray());

        using var stranger = fixture.Tasks.CreateClient(fixture.OtherApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/tasks/{taskId}/promotion", Token)).StatusCode);
    }

    [Fact]
    public async Task AnUpgrade_MovesTheChallengesStillWaiting_IntoTheirTasksPromotion()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"tasksdb_upgrade_{Guid.NewGuid():N}"[..40] }.ConnectionString;
        var migrations = Migration.LoadFor("tasksdb");
        var migrator = new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(connectionString, [.. migrations.Where(m => string.CompareOrdinal(m.Id, "0012") < 0)], Token);

        var taskId = Guid.NewGuid();
        var incumbent = Guid.NewGuid();
        var waiting = new ModelEvaluated(Guid.NewGuid(), DiscoveryFixture.TenantId, Guid.NewGuid(), taskId, "classifier-head", "ds-waiting", 300, "json_equivalent", 0.98, 0.96, 0.99, 4.2);
        var answered = waiting with { EventId = Guid.NewGuid(), ModelId = Guid.NewGuid() };
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            foreach (var (challenger, answeredAt) in new[] { (waiting, (DateTimeOffset?)null), (answered, DateTimeOffset.UtcNow) })
            {
                await using var insert = dataSource.CreateCommand(
                    "insert into promotion_challenges (request_id, tenant_id, task_id, incumbent_model_id, challenger, answered_at) values ($1, $2, $3, $4, $5, $6)");
                insert.Parameters.Add(new NpgsqlParameter { Value = PromotionChallenge.RequestIdOf(challenger, incumbent) });
                insert.Parameters.Add(new NpgsqlParameter { Value = challenger.TenantId });
                insert.Parameters.Add(new NpgsqlParameter { Value = taskId });
                insert.Parameters.Add(new NpgsqlParameter { Value = incumbent });
                insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(challenger), NpgsqlDbType = NpgsqlDbType.Jsonb });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)answeredAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await insert.ExecuteNonQueryAsync(Token);
            }
        }

        await migrator.MigrateAsync(connectionString, migrations, Token);

        await using var upgraded = NpgsqlDataSource.Create(connectionString);
        var state = await new PromotionStateStore(upgraded).FindAsync(DiscoveryFixture.TenantId, taskId, Token);
        Assert.NotNull(state);
        Assert.Equal(taskId, state.CorrelationId);
        Assert.Equal("Challenging", state.CurrentState);
        var challenge = Assert.Single(state.Challenges);
        Assert.Equal(PromotionChallenge.RequestIdOf(waiting, incumbent), challenge.RequestId);
        Assert.Equal(incumbent, challenge.IncumbentModelId);
        Assert.Equal(waiting, challenge.Challenger);
    }
}
