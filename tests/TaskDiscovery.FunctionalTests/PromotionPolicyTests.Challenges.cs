using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>A model that challenges the one serving, and retraining when the teacher moves on.</summary>
public sealed partial class PromotionPolicyTests
{
    [Fact]
    public async Task ANewModel_ReplacesTheServingOne_OnlyWhenItBeatsItOnTheSameTestSet()
    {
        var (taskId, _, client) = await PostTaskAsync();
        var serving = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId);
        var candidate = Guid.NewGuid();
        using (var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = serving }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        // Training scores the serving model on the newcomer's test set when asked, and answers with the request's id.
        await PublishAsync(Evaluated(taskId, candidate, 0.98, 0.96));
        await AnswerAsync(await EvaluationRequestedAsync(serving, 1), 0.995);
        var kept = Assert.Single(await WaitForDecisionsAsync(client, taskId, 1));
        Assert.Equal("keep", kept.GetProperty("action").GetString());
        Assert.Contains("0.995", kept.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(serving, (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist").GetProperty("model_id").GetGuid());

        await PublishAsync(Evaluated(taskId, candidate, 0.98, 0.96));
        await AnswerAsync(await EvaluationRequestedAsync(serving, 2), 0.97);

        Assert.Equal(RouteModes.Shadow, await WaitForModeAsync(client, taskId, RouteModes.Shadow));
        Assert.Equal(candidate, (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("specialist").GetProperty("model_id").GetGuid());
    }

    [Fact]
    public async Task AChallenge_WaitsForTheServingModelsScore_AndARefusalDecidesWithoutIt()
    {
        var (taskId, _, client) = await PostTaskAsync();
        var serving = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId);
        using (var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = serving }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        // The newcomer's evaluation delivered twice while its challenge is open: the request may go twice (at least once).
        var challenger = Evaluated(taskId, Guid.NewGuid(), 0.98, 0.96);
        var first = await PublishAsync(challenger);
        var second = await PublishAsync(challenger);
        await fixture.Consumed.WaitForAsync(first);
        await fixture.Consumed.WaitForAsync(second);
        var requests = (await fixture.EvaluationRequests.WaitForAsync(serving.ToString(), 1, TimeSpan.FromSeconds(20), Token)).Select(r => r.Message<EvaluateModel>()).ToList();
        Assert.Single(requests.Select(r => r.CommandId).Distinct());
        Assert.Empty(await DecisionsAsync(client, taskId));
        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotion", Token);
        Assert.Equal("challenging", waiting.GetProperty("state").GetString());
        var challenge = Assert.Single(waiting.GetProperty("challengers").EnumerateArray());
        Assert.Equal(challenger.ModelId, challenge.GetProperty("model_id").GetGuid());
        Assert.Equal(serving, challenge.GetProperty("incumbent_model_id").GetGuid());

        var bus = fixture.Tasks.Services.GetRequiredService<IBus>();
        var refusals = requests.Select(r => new ModelEvaluationRefused(Guid.NewGuid(), Tenant, r.CommandId, serving, r.DatasetId, "Model is not in the tenant's registry.", r.TaskId)).ToList();
        foreach (var refused in refusals)
        {
            await bus.Publish(refused, publish => publish.MessageId = refused.EventId, Token);
        }

        var decided = Assert.Single(await WaitForDecisionsAsync(client, taskId, 1));
        Assert.Equal("shadow", decided.GetProperty("action").GetString());
        Assert.Contains("could not be scored", decided.GetProperty("reason").GetString(), StringComparison.Ordinal);
        foreach (var refused in refusals)
        {
            await fixture.Consumed.WaitForAsync(refused.EventId);
        }

        Assert.Single(await DecisionsAsync(client, taskId));
        var decidedState = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/promotion", Token);
        Assert.Equal("shadow", decidedState.GetProperty("state").GetString());
        Assert.Empty(decidedState.GetProperty("challengers").EnumerateArray());
    }

    [Fact]
    public async Task AServedTask_WhoseTeacherAnswersWithANewLabel_IsRetrainedOnce()
    {
        var (taskId, agent, client) = await PostTaskAsync();
        // Twelve calls at the promotion, so that five more are new labels before they are growth (half as many again).
        await fixture.PostLabelledCallsAsync(agent, "w", [.. Enumerable.Range(0, 10).Select(i => ($"Where is my card {i}?", "card_arrival"))], expectedCalls: 12);
        using (var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId) }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        await fixture.PostLabelledCallsAsync(agent, "w", [.. Enumerable.Range(0, 5).Select(i => ($"I want to close my account {i}", "close_account"))], expectedCalls: 17);

        var decisions = await WaitForDecisionsAsync(client, taskId, 1);
        var retrain = Assert.Single(decisions);
        Assert.Equal("retrain", retrain.GetProperty("action").GetString());
        Assert.Contains("intent=close_account", retrain.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Two more checks of the task's promotion since: any second retraining would have been decided by now.
        var seen = await ChecksAsync(client, taskId);
        Assert.True(await Eventually.ReadAsync(() => ChecksAsync(client, taskId), n => n >= seen + 2, TimeSpan.FromSeconds(20), Token) >= seen + 2);
        Assert.Single(await DecisionsAsync(client, taskId));
        Assert.Single(fixture.Training.Retrainings, r => r.TaskId == taskId);
    }

    [Fact]
    public async Task ADemotion_WhoseRetrainingCannotBeAskedFor_StillDemotes_AndSaysSo()
    {
        var (taskId, _, client) = await PostTaskAsync();
        fixture.Training.Unreachable[taskId] = true;
        using (var promoted = await client.PutAsJsonAsync($"/api/tasks/{taskId}/specialist", new { model_id = await fixture.AnnounceModelAsync(Guid.NewGuid(), taskId) }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        await CompareAsync(taskId, agreed: 0, disagreed: 30);

        Assert.Null(await WaitForModeAsync(client, taskId, null));
        var demoted = Assert.Single(await WaitForDecisionsAsync(client, taskId, 1));
        Assert.True(demoted.GetProperty("applied").GetBoolean());
        Assert.Contains("Retraining could not be requested", demoted.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
