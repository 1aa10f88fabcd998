using System.ClientModel;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;
using SlmPlatform.Contracts;

namespace SlmPlatform.Serving.FunctionalTests;

public sealed class ServingApiTests(ServingFixture fixture) : IClassFixture<ServingFixture>
{
    private const string Unseen = "Has my new card been posted yet? It still hasn't come.";
    private const string Expected = "{\"intent\":\"card_arrival\"}";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OllamaSharp_ListsTheTenantsSpecialists_AndGetsAnAnswer_PlainAndStreamed()
    {
        using var http = fixture.Serving.CreateClient(fixture.KeyA);
        using var ollama = new OllamaApiClient(http, fixture.RouterA.Name);

        var models = (await ollama.ListLocalModelsAsync(Token)).Select(m => m.Name).ToList();
        IChatClient chat = ollama;
        var answer = await chat.GetResponseAsync(Unseen, cancellationToken: Token);
        var streamed = string.Concat(await chat.GetStreamingResponseAsync(Unseen, cancellationToken: Token).Select(u => u.Text).ToListAsync(Token));

        Assert.Equal(new[] { $"{fixture.RouterA.Id}:latest", $"{fixture.OtherA.Id}:latest" }.Order(StringComparer.Ordinal), models.Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"{fixture.RouterB.Id}:latest", models);
        Assert.Equal(Expected, answer.Text);
        Assert.Equal(Expected, streamed);
    }

    [Fact]
    public async Task OpenAiSdk_GetsTheSameAnswer_PlainAndStreamed()
    {
        using var http = fixture.Serving.CreateClient();
        var client = new ChatClient(fixture.RouterA.Name, new ApiKeyCredential(fixture.KeyA), new OpenAIClientOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/v1"),
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(http),
        });

        var completion = (await client.CompleteChatAsync([new UserChatMessage(Unseen)], cancellationToken: Token)).Value;
        var streamed = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Unseen)], cancellationToken: Token))
        {
            streamed.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
        }

        Assert.Equal(Expected, completion.Content[0].Text);
        Assert.Equal(Expected, streamed.ToString());
        Assert.True(completion.Usage.InputTokenCount > 0);
    }

    [Fact]
    public async Task AHeadsAnswer_ComesWithItsConfidence_WhichIsLowerForTextUnlikeAnyItLearned()
    {
        using var http = fixture.Serving.CreateClient(fixture.KeyA);

        var known = await ConfidenceAsync(http, Unseen);
        var foreign = await ConfidenceAsync(http, "zqxv wpln 7781 grbt");

        Assert.Equal(AnswerConfidence.EnsembleProbability, known.GetProperty("signal").GetString());
        Assert.InRange(known.GetProperty("score").GetDouble(), 0, 1);
        Assert.InRange(known.GetProperty("member_agreement").GetDouble(), 0, 1);
        Assert.True(known.GetProperty("margin").GetDouble() <= known.GetProperty("score").GetDouble());
        Assert.True(foreign.GetProperty("score").GetDouble() < known.GetProperty("score").GetDouble());
    }

    private async Task<JsonElement> ConfidenceAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = fixture.RouterA.Name, messages = new[] { new { role = "user", content = text } } }, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty(AnswerConfidence.PropertyName);
    }

    [Fact]
    public async Task EveryIntent_OfTheTrainingTraffic_IsAnsweredAsTheTeacherDid()
    {
        using var http = fixture.Serving.CreateClient(fixture.KeyA);
        IChatClient chat = new OllamaApiClient(http, fixture.RouterA.Name);
        var wrong = new List<string>();
        foreach (var (label, texts) in ServingFixture.Traffic)
        {
            var teacher = JsonSerializer.Serialize(new Dictionary<string, string> { [label.Split('=')[0]] = label.Split('=')[1] });
            foreach (var text in texts)
            {
                var answer = await chat.GetResponseAsync(text, cancellationToken: Token);
                if (answer.Text != teacher)
                {
                    wrong.Add($"{text} → {answer.Text}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("""{"messages": [{"role": "user", "content": "hi"}]}""", "model")]
    [InlineData("""{"model": "x"}""", "messages")]
    [InlineData("""{"model": "x", "messages": [{"role": "system", "content": "only a system prompt"}]}""", "messages")]
    public async Task BadChatRequests_Return400NamingTheField(string body, string field)
    {
        using var http = fixture.Serving.CreateClient(fixture.KeyA);

        using var ollama = await http.PostAsync("/api/chat", new StringContent(body, Encoding.UTF8, "application/json"), Token);
        using var openAi = await http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        foreach (var response in new[] { ollama, openAi })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task AnotherTenantsModel_AndUnknownModels_Are404()
    {
        using var http = fixture.Serving.CreateClient(fixture.KeyA);

        foreach (var model in new[] { fixture.RouterB.Name, Guid.NewGuid().ToString(), "llama3.2" })
        {
            using var response = await http.PostAsJsonAsync("/api/chat", new { model, messages = new[] { new { role = "user", content = "hi" } }, stream = false }, Token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task WithoutAKey_NothingIsServed()
    {
        using var http = fixture.Serving.CreateClient();

        using var tags = await http.GetAsync("/api/tags", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, tags.StatusCode);
    }

    [Fact]
    public async Task WithRoomForOne_TheLeastRecentlyUsedSpecialistIsUnloaded()
    {
        using var http = fixture.Tight.CreateClient(fixture.KeyA);
        IChatClient router = new OllamaApiClient(http, fixture.RouterA.Name);
        IChatClient other = new OllamaApiClient(http, fixture.OtherA.Name);

        await router.GetResponseAsync(Unseen, cancellationToken: Token);
        var first = await LoadedAsync(http);
        var answer = await other.GetResponseAsync(Unseen, cancellationToken: Token);
        var second = await LoadedAsync(http);

        Assert.Equal([$"{fixture.RouterA.Id}:latest"], first);
        Assert.Equal([$"{fixture.OtherA.Id}:latest"], second);
        Assert.Equal(Expected, answer.Text);
    }

    private static async Task<List<string>> LoadedAsync(HttpClient http) =>
        [.. (await http.GetFromJsonAsync<JsonElement>("/api/ps", Token)).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
}
