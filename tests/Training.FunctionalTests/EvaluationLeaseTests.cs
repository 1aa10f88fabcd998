using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>One scoring of a model on a dataset at a time, whichever replica or delivery asks.</summary>
public sealed class EvaluationLeaseTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEvaluation_WaitsForThePairsLease_AndScoresOnlyOnceItHasIt()
    {
        fixture.Serving.Wrong = null;
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var modelId = await fixture.TrainRouterModelAsync(client);
        await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token);
        var model = await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}", Token);
        var datasetId = model.GetProperty("dataset_id").GetString()!;

        // Another replica scoring the same pair: it holds the lease.
        await using var otherReplica = new NpgsqlConnection(fixture.TrainingDb);
        await otherReplica.OpenAsync(Token);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", otherReplica))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = EvaluationLease.KeyOf(modelId, datasetId) });
            await take.ExecuteNonQueryAsync(Token);
        }

        var asked = new EvaluateModel(Guid.NewGuid(), TrainingFixture.Tenant, modelId, datasetId, model.GetProperty("task_id").GetGuid());
        var requestsBefore = fixture.Serving.Requests;
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(asked, Token);

        // The consumer has reached the lease and waits for it: only then is "nothing scored yet" a finding.
        var waiting = await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(fixture.TrainingDb, "select count(*) from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())", Token),
            n => n > 0, TimeSpan.FromSeconds(30), Token);
        Assert.True(waiting > 0);
        Assert.Equal(requestsBefore, fixture.Serving.Requests);
        Assert.Empty(await fixture.Evaluated.WaitForAsync(asked.CommandId.ToString(), 0, TimeSpan.Zero, Token));

        await using (var release = new NpgsqlCommand("select pg_advisory_unlock_all()", otherReplica))
        {
            await release.ExecuteNonQueryAsync(Token);
        }

        var answer = Assert.Single(await fixture.Evaluated.WaitForAsync(asked.CommandId.ToString(), 1, TimeSpan.FromSeconds(30), Token)).Message<ModelEvaluated>();
        Assert.Equal(asked.CommandId, answer.RequestId);
        Assert.True(fixture.Serving.Requests > requestsBefore);
    }
}
