using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

public sealed class BaselineEvaluationTests(BaselineFixture fixture) : IClassFixture<BaselineFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BaseModel_IsScoredZeroShotAndWithTrainExamples_BesideTheSpecialist()
    {
        var calls = InMemoryTaskCalls.Router(Guid.NewGuid().ToString("N")[..8], perIntent: 40).ToList();
        var labels = calls.ToDictionary(c => PromptText.Of(c.Messages), c => c.OutputLabel!);
        // The base model knows the answer only when shown solved examples: zero-shot it never agrees, few-shot always.
        fixture.Models.Answer = body => JsonSerializer.Serialize(new
        {
            intent = body.GetProperty("messages").GetArrayLength() > 2 ? labels[ScriptedModels.Question(body)] : "unknown",
        });
        fixture.Models.Received.Clear();
        fixture.Serving.Wrong = "exchange_rate";
        fixture.Serving.ResetCounts();
        using var client = fixture.Service.CreateClient(fixture.ApiKey);

        var evaluation = await fixture.TrainAndEvaluateAsync(client, calls, "json", TimeSpan.FromSeconds(60));

        var examples = evaluation.GetProperty("examples").GetInt32();
        Assert.Equal("json_equivalent", evaluation.GetProperty("measure").GetString());
        Assert.Equal((double)(examples - fixture.Serving.AnsweredWrong) / examples, evaluation.GetProperty("agreement").GetDouble(), 9);
        var report = evaluation.GetProperty("report");
        Assert.Equal(JsonValueKind.Null, report.GetProperty("baselines_reason").ValueKind);
        var zeroShot = report.GetProperty("baselines").GetProperty("base");
        var fewShot = report.GetProperty("baselines").GetProperty("few_shot");
        foreach (var baseline in new[] { zeroShot, fewShot })
        {
            Assert.Equal("evaluated", baseline.GetProperty("status").GetString());
            Assert.Equal(BaselineFixture.BaseModel, baseline.GetProperty("model").GetString());
            Assert.Equal(examples, baseline.GetProperty("report").GetProperty("json_equivalent").GetProperty("count").GetInt32());
            Assert.Equal(0, baseline.GetProperty("failed_answers").GetInt32());
            Assert.True(baseline.GetProperty("latency_p50_ms").GetDouble() > 0);
        }

        Assert.Equal(0, zeroShot.GetProperty("report").GetProperty("json_equivalent").GetProperty("successes").GetInt32());
        Assert.Equal(1.0, fewShot.GetProperty("report").GetProperty("json_equivalent").GetProperty("value").GetDouble());
        Assert.True(fewShot.GetProperty("report").GetProperty("json_equivalent").GetProperty("low").GetDouble() < 1, "an interval, not a point");
        Assert.Equal(3, fewShot.GetProperty("shots").GetInt32());
        Assert.Equal(3, fewShot.GetProperty("shot_call_ids").EnumerateArray().Select(e => e.GetString()).Distinct().Count());
        Assert.Equal(2 * examples, fixture.Models.For(BaselineFixture.BaseModel).Count);
        Assert.Empty(fixture.Models.For(BaselineFixture.JudgeModel));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("judge").ValueKind);
        Assert.StartsWith("No free-text answers", report.GetProperty("judge_reason").GetString(), StringComparison.Ordinal);

        var questions = fixture.Models.For(BaselineFixture.BaseModel).Where(b => b.GetProperty("messages").GetArrayLength() == 2).Select(ScriptedModels.Question).ToHashSet();
        var trainTexts = await TrainTextsAsync(client, evaluation.GetProperty("dataset_id").GetString()!);
        foreach (var request in fixture.Models.For(BaselineFixture.BaseModel).Where(b => b.GetProperty("messages").GetArrayLength() > 2))
        {
            var messages = request.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(["system", "user", "assistant", "user", "assistant", "user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
            var shots = new[] { 1, 3, 5 }.Select(i => messages[i].GetProperty("content").GetString()!).ToList();
            Assert.All(shots, shot => Assert.Contains(shot, trainTexts));
            Assert.All(shots, shot => Assert.DoesNotContain(shot, questions));
            Assert.Contains(ScriptedModels.Question(request), questions);
            Assert.Equal(3, shots.Select(s => labels[s]).Distinct().Count());
            Assert.All(new[] { 1, 3, 5 }, i => Assert.Equal(
                JsonSerializer.Serialize(new { intent = labels[messages[i].GetProperty("content").GetString()!] }),
                messages[i + 1].GetProperty("content").GetString()));
        }
    }

    [Fact]
    public async Task Judge_GivesItsVerdictOnFreeTextAnswers_CountingWhatItCouldNotJudge()
    {
        var replies = new Dictionary<string, string>
        {
            ["card_arrival"] = "Your new card is on its way and arrives within five days.",
            ["exchange_rate"] = "We convert at the daily network exchange rate, without a mark-up.",
            ["lost_card"] = "I have blocked your card; a replacement is on its way.",
        };
        var calls = InMemoryTaskCalls.Router(Guid.NewGuid().ToString("N")[..8], perIntent: 40)
            .Select(c => c with { Response = Reply(replies[c.OutputLabel!]) }).ToList();
        // The judge: a pizza answer is not the same; an answer about a blocked card gets a reply that is no verdict.
        fixture.Models.Answer = body => body.GetProperty("model").GetString() != BaselineFixture.JudgeModel
            ? "I cannot help with that."
            : Candidate(body) switch
            {
                var c when c.Contains("Pizza", StringComparison.Ordinal) => """{"same": false}""",
                var c when c.Contains("blocked", StringComparison.Ordinal) => "They look alike to me.",
                _ => """{"same": true}""",
            };
        fixture.Models.Received.Clear();
        fixture.Serving.Wrong = "exchange_rate";
        fixture.Serving.Say = label => replies.GetValueOrDefault(label, "Pizza is my favourite food, especially on Fridays.");
        fixture.Serving.ResetCounts();
        try
        {
            using var client = fixture.Service.CreateClient(fixture.ApiKey);

            var evaluation = await fixture.TrainAndEvaluateAsync(client, calls, "text", TimeSpan.FromSeconds(60));

            var examples = evaluation.GetProperty("examples").GetInt32();
            Assert.Equal("semantic_match", evaluation.GetProperty("measure").GetString());
            var judged = fixture.Models.Received.Where(r => r.Body.GetProperty("model").GetString() == BaselineFixture.JudgeModel).ToList();
            Assert.Equal(examples, judged.Count);
            Assert.All(judged, r => Assert.Equal($"Bearer {BaselineFixture.JudgeKey}", r.Authorization));
            Assert.All(judged, r => Assert.Equal("json_object", r.Body.GetProperty("response_format").GetProperty("type").GetString()));
            Assert.All(judged, r => Assert.Equal(0, r.Body.GetProperty("temperature").GetDouble()));
            var noVerdict = judged.Count(r => Candidate(r.Body).Contains("blocked", StringComparison.Ordinal));
            Assert.InRange(noVerdict, 1, examples - 1);
            var judge = evaluation.GetProperty("report").GetProperty("judge");
            Assert.Equal("judged", judge.GetProperty("status").GetString());
            Assert.Equal(examples, judge.GetProperty("free_text_answers").GetInt32());
            Assert.Equal(noVerdict, judge.GetProperty("failures").GetInt32());
            Assert.Equal(examples - noVerdict, judge.GetProperty("same").GetProperty("count").GetInt32());
            Assert.Equal(examples - noVerdict - fixture.Serving.AnsweredWrong, judge.GetProperty("same").GetProperty("successes").GetInt32());
            var zeroShot = evaluation.GetProperty("report").GetProperty("baselines").GetProperty("base").GetProperty("report");
            Assert.Equal(examples, zeroShot.GetProperty("semantic_match").GetProperty("count").GetInt32());
        }
        finally
        {
            fixture.Serving.Say = label => JsonSerializer.Serialize(new { intent = label });
        }
    }

    private static string Candidate(JsonElement body)
    {
        var question = ScriptedModels.Question(body);
        const string marker = "Candidate answer:\n";
        var at = question.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? string.Empty : question[(at + marker.Length)..];
    }

    private static JsonElement Reply(string content) =>
        JsonSerializer.SerializeToElement(new { choices = new[] { new { message = new { role = "assistant", content } } } });

    private static async Task<HashSet<string>> TrainTextsAsync(HttpClient client, string datasetId)
    {
        var lines = (await client.GetStringAsync($"/api/datasets/{datasetId}/export?format=openai&split=train", Token))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("messages").EnumerateArray()
            .First(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!)];
    }
}
