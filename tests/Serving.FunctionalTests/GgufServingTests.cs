namespace SlmPlatform.Serving.FunctionalTests;

public sealed class GgufServingTests(GgufServingFixture fixture) : IClassFixture<GgufServingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerativeSpecialist_IsListedInTags_AsItsRegistryId()
    {
        using var http = fixture.Serving.CreateClient(fixture.Key);

        var tags = await http.GetFromJsonAsync<JsonElement>("/api/tags", Token);

        var model = Assert.Single(tags.GetProperty("models").EnumerateArray());
        Assert.Equal($"{fixture.Model.Id}:latest", model.GetProperty("name").GetString());
        Assert.Equal("generative", model.GetProperty("details").GetProperty("family").GetString());
    }

    [Fact]
    public async Task OllamaChat_AnswersAsTheTrainedModelDoes_WhateverTheSystemPrompt()
    {
        using var http = fixture.Serving.CreateClient(fixture.Key);
        var wrong = new List<string>();

        foreach (var (prompt, expected) in fixture.Expected)
        {
            using var response = await http.PostAsJsonAsync("/api/chat", new
            {
                model = fixture.Model.Name,
                messages = new[] { new { role = "system", content = "Give the fruit's colour as JSON." }, new { role = "user", content = prompt } },
                stream = false,
            }, Token);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            var content = body.GetProperty("message").GetProperty("content").GetString();
            if (content != expected || body.GetProperty("eval_count").GetInt32() < 1)
            {
                wrong.Add($"{prompt} → {content} (trained model: {expected})");
            }
        }

        Assert.Empty(wrong);
        Assert.Contains(fixture.Expected.Values, a => a.StartsWith("{\"colour\": \"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAiChatCompletions_AnswersAsTheTrainedModelDoes()
    {
        using var http = fixture.Serving.CreateClient(fixture.Key);
        var (prompt, expected) = fixture.Expected.First();

        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = fixture.Model.Name,
            messages = new[] { new { role = "user", content = prompt } },
        }, Token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() >= prompt.Length);
    }

    [Fact]
    public async Task ConcurrentCallers_AllGetTheirOwnAnswers()
    {
        using var http = fixture.Serving.CreateClient(fixture.Key);

        var answers = await Task.WhenAll(fixture.Expected.Keys.Select(async prompt =>
        {
            using var response = await http.PostAsJsonAsync("/api/generate", new { model = fixture.Model.Name, prompt, stream = false }, Token);
            return (prompt, (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("response").GetString());
        }));

        Assert.All(answers, a => Assert.Equal(fixture.Expected[a.prompt], a.Item2));
    }
}
