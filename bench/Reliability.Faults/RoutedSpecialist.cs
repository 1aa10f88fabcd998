using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.AI;
using SlmPlatform.Contracts;
using SlmPlatform.Embeddings;
using SlmPlatform.Routing;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Training;
using SlmPlatform.Testing;
using StackExchange.Redis;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// A specialist for the gateway's call site, put in service as the platform does it: a classifier head trained here on
/// texts of this suite's own, its artifact written to the store, then <see cref="ModelTrained"/> (serving registers it)
/// and <see cref="SpecialistRouteChanged"/> (the gateways route the call site to it in full) published on the bus.
/// Returns once serving answers with it and the route is in the gateways' table.
/// </summary>
internal static class RoutedSpecialist
{
    private static readonly Dictionary<string, string[]> Examples = new()
    {
        ["category=billing"] =
        [
            "I was charged twice for the same order", "Why is there an extra fee on my invoice?", "Please refund the duplicate payment",
            "My card was billed the wrong amount", "The subscription price went up without notice", "I need a copy of last month's invoice",
        ],
        ["category=delivery"] =
        [
            "My parcel has not arrived yet", "Where is my package right now?", "The courier left the box at the wrong door",
            "How long does shipping to the islands take?", "The tracking number shows no movement", "Can I change the delivery address?",
        ],
        ["category=other"] =
        [
            "Do you have a shop in the city centre?", "What are your opening hours on Sunday?", "I would like to give feedback on your app",
            "Can I speak to someone in French?", "How do I close my account?", "Is there a student discount?",
        ],
    };

    public static async Task PutInServiceAsync(FaultPlatform platform, string artifactsRoot, CancellationToken cancellationToken)
    {
        var modelId = Guid.NewGuid();
        var taskId = Guid.NewGuid();
        var key = $"{FaultPlatform.TenantId}/models/{modelId}{ClassifierHeadArtifact.FileExtension}";
        var path = ArtifactKeys.Resolve(artifactsRoot, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        {
            ClassifierHeadArtifact.Write(await TrainAsync(), file);
        }

        var labels = Examples.Keys.Order(StringComparer.Ordinal).ToList();
        var routeKeys = new[] { RouteKeys.ForWorkload(CheckedLoad.Agent, CheckedLoad.Workload) };
        var route = new SpecialistRoute(taskId, modelId, RouteModes.Full, new OutputCheck(OutputCheck.LabelKind, labels), 1, Share: 1, Sample: 0);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(platform.Messaging)));
        await bus.StartAsync(cancellationToken);
        try
        {
            var trained = new ModelTrained(Guid.NewGuid(), FaultPlatform.TenantId, modelId, Guid.NewGuid(), taskId, "classifier-head", "ds-fault-suite", 18, 1, 1,
                new ModelArtifact(key, ClassifierHeadArtifact.Format));
            await bus.Publish(trained, publish => publish.MessageId = trained.EventId, cancellationToken);
            var routed = new SpecialistRouteChanged(Guid.NewGuid(), FaultPlatform.TenantId, taskId, 1, routeKeys, route, DateTimeOffset.UtcNow);
            await bus.Publish(routed, publish => publish.MessageId = routed.EventId, cancellationToken);
        }
        finally
        {
            await bus.StopAsync(cancellationToken);
        }

        await WaitAsync("serving to answer with the specialist", () => ServingAnswersAsync(platform, modelId, cancellationToken), cancellationToken);
        await WaitAsync("the gateways' routing table to hold the route", () => RoutedAsync(routeKeys[0], cancellationToken), cancellationToken);
    }

    private static async Task<ClassifierHead> TrainAsync()
    {
        using var embeddings = new OnnxSentenceEmbeddingGenerator();
        var labels = Examples.Keys.Order(StringComparer.Ordinal).ToList();
        var texts = labels.SelectMany(l => Examples[l].Select(t => (Text: t, Label: labels.IndexOf(l)))).ToList();
        var vectors = await embeddings.GenerateAsync(texts.Select(t => t.Text));
        var rows = new LabelledVectors([.. vectors.SelectMany(v => v.Vector.ToArray())], 384, [.. texts.Select(t => t.Label)]);
        var options = new ClassifierHeadOptions { HiddenUnits = 0, EnsembleMembers = 1, MaxEpochs = 200, Patience = 200, LearningRate = 0.01f, ValidationFraction = 0.15, Seed = 7 };
        var baseModel = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
        return new ClassifierHeadTrainer(options).Train(rows, labels, baseModel).Head;
    }

    private static async Task<bool> ServingAnswersAsync(FaultPlatform platform, Guid modelId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = platform.Address(FaultPlatform.Serving), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.ApiKey);
        try
        {
            using var response = await http.PostAsJsonAsync(
                "/v1/chat/completions", new { model = modelId.ToString(), messages = new[] { new { role = "user", content = "Where is my parcel?" } } }, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // The gateways' table (Gateway/Routing/RouteTable.cs): a hash per tenant from route key to route.
    private static async Task<bool> RoutedAsync(string routeKey, CancellationToken cancellationToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        return await redis.GetDatabase().HashExistsAsync($"slm:routes:{FaultPlatform.TenantId}", routeKey).WaitAsync(cancellationToken);
    }

    private static Task<bool> WaitAsync(string what, Func<Task<bool>> done, CancellationToken cancellationToken) =>
        Polling.UntilAsync(what, async () => await done() ? true : (bool?)null, TimeSpan.FromSeconds(60), cancellationToken);
}
