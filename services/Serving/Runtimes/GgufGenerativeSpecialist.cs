using System.Diagnostics;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.Runtimes;

/// <summary>
/// A generative specialist exported as GGUF, run by llama.cpp through <see cref="GgufSpecialist"/>: the prompt is the
/// conversation's non-system message text, as the trainer built it (<see cref="PromptText"/>), and the answer is the
/// greedy one. One <see cref="GgufSpecialist"/> behind a lock, not a pool: it is not thread-safe, each instance holds a
/// llama.cpp context of its own that the memory budget would have to count once per caller, and an answer of a few
/// dozen tokens from a model this small takes milliseconds, so callers queue only briefly.
/// </summary>
public sealed class GgufGenerativeSpecialist(SpecialistDescriptor descriptor, GgufSpecialist runner, long fileBytes, TimeSpan loadDuration, string? ownedFile) : ISpecialist
{
    // llama.cpp's context beside the weights: the KV cache (a short context of a narrow model) and compute buffers.
    // A few MiB at these sizes; counted generously so that the budget errs towards unloading.
    private const long ContextBytes = 16L << 20;

    // Never disposed: callers may still be queued on it when the specialist is evicted; they find it unloaded instead.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _unloaded;
    private int _answered;

    public SpecialistDescriptor Descriptor => descriptor;

    public long MemoryBytes => fileBytes + ContextBytes;

    public async Task<SpecialistAnswer> AnswerAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken)
    {
        var conversation = JsonSerializer.SerializeToElement(messages.Select(m => new Dictionary<string, string> { ["role"] = m.Role, ["content"] = m.Content }));
        var prompt = PromptText.Of(conversation);
        var promptTokens = runner.Tokenizer.Encode(prompt).Count;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_unloaded)
            {
                throw new SpecialistUnavailableException($"Model {descriptor.Id} was unloaded to make room for another; ask again.");
            }

            var clock = Stopwatch.StartNew();
            var before = runner.Usage.Tokens;
            var answer = runner.GenerateScored(prompt);
            var completionTokens = (int)(runner.Usage.Tokens - before);

            // Only the first answer pays for the load, as Ollama reports it.
            var load = Interlocked.Exchange(ref _answered, 1) == 0 ? loadDuration : TimeSpan.Zero;
            return new SpecialistAnswer(answer.Text, promptTokens, completionTokens, load, clock.Elapsed,
                new AnswerConfidence(answer.SequenceProbability, AnswerConfidence.SequenceProbability));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        // Evicted while answering: wait for the answer to finish before freeing the native context under it.
        _gate.Wait();
        try
        {
            if (_unloaded)
            {
                return;
            }

            _unloaded = true;
            runner.Dispose();
            if (ownedFile is not null)
            {
                File.Delete(ownedFile);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
