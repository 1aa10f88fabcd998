using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Training.FunctionalTests;

public sealed class EvaluationTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrainedModel_IsEvaluatedAsServed_AgainstTheTeachersAnswers()
    {
        fixture.Serving.Wrong = "exchange_rate";
        fixture.Serving.ResetCounts();
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        var modelId = await fixture.TrainRouterModelAsync(client);

        var announced = await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token);
        Assert.Single(announced);
        var evaluation = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
        var examples = evaluation.GetProperty("examples").GetInt32();
        Assert.Equal(fixture.Serving.Requests, examples);
        Assert.Contains(TrainingFixture.Tenant, fixture.Serving.Tenants.Keys);
        Assert.InRange(fixture.Serving.AnsweredWrong, 1, examples - 1);
        Assert.Equal("json_equivalent", evaluation.GetProperty("measure").GetString());
        var agreement = evaluation.GetProperty("agreement").GetDouble();
        Assert.Equal((double)(examples - fixture.Serving.AnsweredWrong) / examples, agreement, 9);
        Assert.InRange(agreement, evaluation.GetProperty("agreement_lower").GetDouble(), evaluation.GetProperty("agreement_upper").GetDouble());
        Assert.True(evaluation.GetProperty("agreement_upper").GetDouble() - evaluation.GetProperty("agreement_lower").GetDouble() > 0.05, "an interval, not a point");
        var report = evaluation.GetProperty("report");
        Assert.Equal(examples, report.GetProperty("json_valid").GetProperty("successes").GetInt32());
        Assert.Equal(examples - fixture.Serving.AnsweredWrong, report.GetProperty("exact_match").GetProperty("successes").GetInt32());
        Assert.True(evaluation.GetProperty("latency_p50_ms").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("baselines").ValueKind);
        Assert.Contains("Evaluation:Baselines:Url", report.GetProperty("baselines_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("judge").ValueKind);
        Assert.Contains("Evaluation:Judge:Url", report.GetProperty("judge_reason").GetString(), StringComparison.Ordinal);

        // The risk-coverage curve: the confident answers are the right ones, so answering only those agrees fully.
        var curve = report.GetProperty("risk_coverage");
        Assert.Equal(examples, curve.GetProperty("examples").GetInt32());
        Assert.Equal("scripted", curve.GetProperty("signal").GetString());
        var points = curve.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal(examples - fixture.Serving.AnsweredWrong, points[0].GetProperty("answered").GetInt32());
        Assert.Equal(points[0].GetProperty("answered").GetInt32(), points[0].GetProperty("agreed").GetInt32());
        Assert.Equal(examples, points[1].GetProperty("answered").GetInt32());
        var announcedCurve = JsonDocument.Parse(announced[0].Envelope).RootElement.GetProperty("message").GetProperty("riskCoverage");
        Assert.Equal(examples, announcedCurve.GetProperty("examples").GetInt32());
    }

    [Fact]
    public async Task EvaluateOnDemand_ReplacesTheFigures_AndNeverRecordsServingAwayAsABadModel()
    {
        fixture.Serving.Wrong = "lost_card";
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var modelId = await fixture.TrainRouterModelAsync(client);
        await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token);
        var first = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
        Assert.True(first.GetProperty("agreement").GetDouble() < 1);

        fixture.Serving.Down = true;
        try
        {
            using var away = await client.PostAsJsonAsync($"/api/models/{modelId}/evaluations", new { }, Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        }
        finally
        {
            fixture.Serving.Down = false;
        }

        using var unknownDataset = await client.PostAsJsonAsync($"/api/models/{modelId}/evaluations", new { dataset_id = "ds-none" }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, unknownDataset.StatusCode);
        Assert.Contains("dataset_id", await unknownDataset.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var unknownModel = await client.PostAsJsonAsync($"/api/models/{Guid.NewGuid()}/evaluations", new { }, Token);
        Assert.Equal(HttpStatusCode.NotFound, unknownModel.StatusCode);
        var unchanged = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
        Assert.Equal(first.GetProperty("evaluated_at").GetDateTimeOffset(), unchanged.GetProperty("evaluated_at").GetDateTimeOffset());

        fixture.Serving.Wrong = null;
        using var again = await client.PostAsJsonAsync($"/api/models/{modelId}/evaluations", new { }, Token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1.0, (await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("agreement").GetDouble());
        var replaced = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
        Assert.Equal(1.0, replaced.GetProperty("agreement").GetDouble());
        await fixture.Evaluated.WaitForAsync(modelId.ToString(), 2, TimeSpan.FromSeconds(10), Token);
    }

    [Fact]
    public async Task ModelTrained_Redelivered_AnnouncesTheStoredEvaluationAgain_WithoutScoringTwice()
    {
        fixture.Serving.Wrong = null;
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var modelId = await fixture.TrainRouterModelAsync(client);
        var first = Assert.Single(await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token));
        var trained = Assert.Single(await fixture.Trained.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(10), Token)).Message<ModelTrained>();
        fixture.Serving.ResetCounts();

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(trained, context => context.MessageId = trained.EventId, Token);

        var again = await fixture.Evaluated.WaitForAsync(modelId.ToString(), 2, TimeSpan.FromSeconds(30), Token);
        Assert.Equal(first.MessageId, again[1].MessageId);
        Assert.Equal(0, fixture.Serving.Requests);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
    }

    [Fact]
    public async Task EvaluateModel_IsAnsweredWithTheEvaluation_OrARefusalNamingWhy()
    {
        fixture.Serving.Wrong = null;
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var modelId = await fixture.TrainRouterModelAsync(client);
        await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token);
        var datasetId = (await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}", Token)).GetProperty("dataset_id").GetString()!;
        var bus = fixture.Service.Services.GetRequiredService<IBus>();

        var taskId = (await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}", Token)).GetProperty("task_id").GetGuid();
        var asked = new EvaluateModel(Guid.NewGuid(), TrainingFixture.Tenant, modelId, datasetId, taskId);
        await bus.Publish(asked, Token);
        var answer = (await fixture.Evaluated.WaitForAsync(asked.CommandId.ToString(), 1, TimeSpan.FromSeconds(30), Token)).Single().Message<ModelEvaluated>();
        Assert.Equal(asked.CommandId, answer.RequestId);
        Assert.Equal(taskId, answer.TaskId);
        Assert.Equal(modelId, answer.ModelId);
        Assert.Equal(1.0, answer.Agreement);

        var unknownModel = new EvaluateModel(Guid.NewGuid(), TrainingFixture.Tenant, Guid.NewGuid(), datasetId, taskId);
        var unknownDataset = new EvaluateModel(Guid.NewGuid(), TrainingFixture.Tenant, modelId, "ds-none", taskId);
        var otherTenant = new EvaluateModel(Guid.NewGuid(), "another-tenant", modelId, datasetId, taskId);
        foreach (var command in new[] { unknownModel, unknownDataset, otherTenant })
        {
            await bus.Publish(command, Token);
        }

        foreach (var command in new[] { unknownModel, unknownDataset, otherTenant })
        {
            var refused = (await fixture.Refused.WaitForAsync(command.CommandId.ToString(), 1, TimeSpan.FromSeconds(30), Token)).Single().Message<ModelEvaluationRefused>();
            Assert.Equal(command.ModelId, refused.ModelId);
            Assert.Equal(taskId, refused.TaskId);
            Assert.False(string.IsNullOrWhiteSpace(refused.Reason));
        }

        Assert.Contains("ds-none", (await fixture.Refused.WaitForAsync(unknownDataset.CommandId.ToString(), 1, TimeSpan.Zero, Token)).Single().Message<ModelEvaluationRefused>().Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await fixture.Evaluated.WaitForAsync(_ => true, 0, TimeSpan.Zero, Token), m => m.Envelope.Contains(unknownDataset.CommandId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AModelRegisteredWithoutItsAnnouncement_IsAnnouncedByTheSweeper()
    {
        using var client = fixture.Service.CreateClient(fixture.ApiKey);
        var modelId = await fixture.TrainRouterModelAsync(client);
        await fixture.Trained.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(10), Token);

        // As after a crash between registering and publishing, or for a model registered before announcements were marked.
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.TrainingDb))
        {
            await connection.OpenAsync(Token);
            await using var forget = new Npgsql.NpgsqlCommand("update models set announced_at = null where model_id = $1", connection) { Parameters = { new() { Value = modelId } } };
            Assert.Equal(1, await forget.ExecuteNonQueryAsync(Token));
        }

        var announced = await fixture.Trained.WaitForAsync(modelId.ToString(), 2, TimeSpan.FromSeconds(30), Token);
        Assert.Equal(announced[0].MessageId, announced[1].MessageId);
        Assert.NotNull(announced[1].Message<ModelTrained>().Artifact);
    }

    [Fact]
    public async Task FreeTextAnswers_AreAlsoComparedByMeaning()
    {
        var replies = new Dictionary<string, string>
        {
            ["card_arrival"] = "Your new card is on its way and arrives within five days.",
            ["exchange_rate"] = "We convert at the daily network exchange rate, without a mark-up.",
            ["lost_card"] = "I have blocked your card; a replacement is on its way.",
        };
        fixture.Serving.Wrong = "exchange_rate";
        fixture.Serving.Say = label => replies.GetValueOrDefault(label, "Pizza is my favourite food, especially on Fridays.");
        fixture.Serving.ResetCounts();
        try
        {
            using var client = fixture.Service.CreateClient(fixture.ApiKey);
            var modelId = await fixture.TrainRouterModelAsync(client, call => call with { Response = Reply(replies[call.OutputLabel!]) }, "text");

            await fixture.Evaluated.WaitForAsync(modelId.ToString(), 1, TimeSpan.FromSeconds(30), Token);
            var evaluation = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/models/{modelId}/evaluations", Token)).EnumerateArray());
            var examples = evaluation.GetProperty("examples").GetInt32();
            Assert.Equal("semantic_match", evaluation.GetProperty("measure").GetString());
            var report = evaluation.GetProperty("report");
            Assert.Equal(examples - fixture.Serving.AnsweredWrong, report.GetProperty("semantic_match").GetProperty("successes").GetInt32());
            Assert.InRange(report.GetProperty("mean_similarity").GetDouble(), 0.2, 0.99);
        }
        finally
        {
            fixture.Serving.Say = label => JsonSerializer.Serialize(new { intent = label });
        }
    }

    private static JsonElement Reply(string content) =>
        JsonSerializer.SerializeToElement(new { choices = new[] { new { message = new { role = "assistant", content } } } });
}
