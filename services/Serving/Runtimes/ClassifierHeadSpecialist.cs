using System.Diagnostics;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.Runtimes;

/// <summary>
/// A classifier head on frozen sentence embeddings: embeds the conversation's non-system messages as the trainer did
/// (<see cref="HeadPredictor"/>), picks the most likely label and answers with the teacher's own answer for it (kept in
/// the artifact), or renders the label when the artifact has none. Token counts follow Ollama's meaning as far as a
/// classifier has one: the words of the input read, and one decision written.
/// </summary>
public sealed class ClassifierHeadSpecialist(
    SpecialistDescriptor descriptor,
    ClassifierHead head,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    TimeSpan loadDuration) : ISpecialist
{
    private readonly HeadPredictor _predictor = new(head, embeddings);
    private int _answered;

    public SpecialistDescriptor Descriptor => descriptor;

    // Weights, each member's standardiser (a mean and a scale per dimension), and the labels.
    public long MemoryBytes =>
        ((long)head.ParameterCount + 2L * head.Dimensions * head.Members.Count) * sizeof(float) + head.Labels.Sum(l => 2L * l.Length);

    public async Task<SpecialistAnswer> AnswerAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var input = messages.LastOrDefault(m => m.Role == "user")?.Content
            ?? throw new ArgumentException("A classifier head answers a user message; the conversation has none.", nameof(messages));
        var conversation = JsonSerializer.SerializeToElement(messages.Select(m => new Dictionary<string, string> { ["role"] = m.Role, ["content"] = m.Content }));
        var prediction = (await _predictor.AnswerAsync(conversation, cancellationToken)).Prediction;

        // Only the first answer pays for the load, as Ollama reports it.
        var load = Interlocked.Exchange(ref _answered, 1) == 0 ? loadDuration : TimeSpan.Zero;
        var words = input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var content = head.Answers.TryGetValue(prediction.Label, out var teacher) ? teacher : AnswerRenderer.Render(prediction.Label);
        var confidence = new AnswerConfidence(prediction.Probability, AnswerConfidence.EnsembleProbability, prediction.Margin, prediction.MemberAgreement);
        return new SpecialistAnswer(content, words, 1, load, clock.Elapsed, confidence);
    }

    public void Dispose()
    {
        // The head is plain arrays; the embedding generator is shared and outlives it.
    }
}
