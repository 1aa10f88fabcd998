using System.Net.Http.Json;
using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// The ways the same two models are asked: through serving's OpenAI-compatible and Ollama APIs (the router call as the
/// gateway forwards it: system prompt and user message), and directly through the libraries serving runs them with.
/// </summary>
internal static class Modes
{
    public static Mode RawGguf(string name, GgufSpecialist runner) => new(name, "generative", query =>
    {
        var before = runner.Usage.Tokens;
        var answer = runner.Generate(query);
        return Task.FromResult((answer, (int)(runner.Usage.Tokens - before)));
    });

    public static Mode ServingChat(string name, string specialist, HttpClient client, Guid model, string systemPrompt) => new(name, specialist, async query =>
    {
        using var response = await client.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = model.ToString(),
            messages = new[] { new { role = "system", content = systemPrompt }, new { role = "user", content = query } },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!,
            body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    });

    public static Mode ServingGenerate(string name, HttpClient client, Guid model) => new(name, "generative", async query =>
    {
        using var response = await client.PostAsJsonAsync("/api/generate", new { model = model.ToString(), prompt = query, stream = false });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("response").GetString()!, body.GetProperty("eval_count").GetInt32());
    });

    public static Mode RawHead(string name, HeadPredictor predictor, string systemPrompt) => new(name, "classifier head", async query =>
    {
        var messages = JsonSerializer.SerializeToElement(new[] { new { role = "system", content = systemPrompt }, new { role = "user", content = query } });
        return ((await predictor.AnswerAsync(messages)).Content, 1);
    });

    public static HeadPredictor HeadPredictor(string artifact, OnnxSentenceEmbeddingGenerator embeddings)
    {
        using var file = File.OpenRead(artifact);
        return new HeadPredictor(ClassifierHeadArtifact.Read(file), embeddings);
    }
}
