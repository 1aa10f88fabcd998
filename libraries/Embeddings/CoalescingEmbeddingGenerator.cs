using System.Threading.Channels;

namespace SlmPlatform.Embeddings;

/// <summary>
/// Gathers the small requests of concurrent callers into one batch for the inner generator: while a batch runs, the
/// texts that arrive wait, and the next run takes them all (up to <c>maxBatch</c>). No timer: a lone request runs at
/// once, and under load the batches grow by themselves. Consumers that embed one message at a time (task discovery
/// files each call as it comes) get the speed of batched runs without batching their messages.
/// </summary>
public sealed class CoalescingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatch;
    private readonly Task _runs;

    public CoalescingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int maxBatch = 32)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
        _runs = Task.Run(RunAsync);
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];

        // A request of a batch's size or with options of its own gains nothing from company.
        if (texts.Count == 0 || texts.Count >= _maxBatch || options is not null)
        {
            return await base.GenerateAsync(texts, options, cancellationToken).ConfigureAwait(false);
        }

        var request = new Request(texts, cancellationToken);
        await using var registration = cancellationToken.Register(() => request.Result.TrySetCanceled(cancellationToken));
        ObjectDisposedException.ThrowIf(!_requests.Writer.TryWrite(request), this);

        var vectors = await request.Result.Task.ConfigureAwait(false);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Count);
        embeddings.AddRange(vectors);
        return embeddings;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _requests.Writer.TryComplete();
            _runs.GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var texts = new List<string>(_maxBatch);
            while (texts.Count < _maxBatch && _requests.Reader.TryPeek(out var next) && (texts.Count == 0 || texts.Count + next.Texts.Count <= _maxBatch))
            {
                _requests.Reader.TryRead(out _);
                if (!next.Result.Task.IsCompleted)
                {
                    batch.Add(next);
                    texts.AddRange(next.Texts);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch, texts).ConfigureAwait(false);
            }
        }
    }

    private async Task RunBatchAsync(List<Request> batch, List<string> texts)
    {
        try
        {
            // The run serves several callers: one caller giving up does not cancel the others' texts.
            var embeddings = await base.GenerateAsync(texts, options: null, CancellationToken.None).ConfigureAwait(false);
            var at = 0;
            foreach (var request in batch)
            {
                request.Result.TrySetResult([.. embeddings.Skip(at).Take(request.Texts.Count)]);
                at += request.Texts.Count;
            }
        }
        catch (Exception exception)
        {
            foreach (var request in batch)
            {
                request.Result.TrySetException(exception);
            }
        }
    }

    private sealed record Request(IReadOnlyList<string> Texts, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<List<Embedding<float>>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
