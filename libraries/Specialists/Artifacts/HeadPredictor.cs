using Microsoft.Extensions.AI;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Specialists.Artifacts;

/// <summary>A classifier head's answer to one chat request: the prediction (label and confidence) and the teacher-format content.</summary>
public sealed record HeadAnswer(HeadPrediction Prediction, string Content)
{
    public string Label => Prediction.Label;
}

/// <summary>
/// Serves a classifier head: embeds the request's input the way training did (every message's text but the system
/// prompt) with the embedding model the head was trained on, and answers with the teacher's content for the label.
/// </summary>
public sealed class HeadPredictor
{
    private readonly ClassifierHead _head;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;

    public HeadPredictor(ClassifierHead head, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(embedder);
        var modelId = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        if (modelId != head.EmbeddingModelId)
        {
            throw new ArgumentException($"The head was trained on {head.EmbeddingModelId} embeddings, not {modelId ?? "unknown"}.", nameof(embedder));
        }

        _head = head;
        _embedder = embedder;
    }

    /// <summary>Answers a chat request given its <c>messages</c> array.</summary>
    public async Task<HeadAnswer> AnswerAsync(JsonElement messages, CancellationToken cancellationToken = default)
    {
        var embedding = await _embedder.GenerateAsync([PromptText.Of(messages)], cancellationToken: cancellationToken);
        var prediction = _head.Predict(embedding[0].Vector.Span);
        return new HeadAnswer(prediction, _head.Answers.TryGetValue(prediction.Label, out var content) ? content : prediction.Label);
    }
}
