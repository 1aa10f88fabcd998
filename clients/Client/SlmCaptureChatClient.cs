using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SlmPlatform.Client;

/// <summary>
/// Records every call that passes through it — to any provider, streamed or not — and hands it to a
/// <see cref="SlmCaptureShipper"/>. Recording happens after the answer is complete and cannot fail the call.
/// </summary>
public sealed class SlmCaptureChatClient : DelegatingChatClient
{
    private readonly SlmCaptureShipper _shipper;
    private readonly SlmCaptureOptions _options;
    private readonly bool _ownsShipper;

    /// <summary>Wraps <paramref name="innerClient"/>; an owned shipper is disposed with this client.</summary>
    public SlmCaptureChatClient(IChatClient innerClient, SlmCaptureShipper shipper, SlmCaptureOptions options, bool ownsShipper = false)
        : base(innerClient)
    {
        _shipper = shipper;
        _options = options;
        _ownsShipper = ownsShipper;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.GetResponseAsync(sent, options, cancellationToken).ConfigureAwait(false);
            Record(sent, options, response, startedAt, clock, stream: false);
            return response;
        }
        catch (Exception) when (Record(sent, options, null, startedAt, clock, stream: false))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        Record(sent, options, updates.ToChatResponse(), startedAt, clock, stream: true);
    }

    /// <summary>Queues the call; returns false so that it can sit in an exception filter without catching anything.</summary>
    private bool Record(List<ChatMessage> messages, ChatOptions? options, ChatResponse? response, DateTimeOffset startedAt, Stopwatch clock, bool stream)
    {
        _shipper.Enqueue(new RecordedCall(
            Guid.CreateVersion7().ToString("N"),
            _options.Agent,
            _options.Workload,
            startedAt,
            clock.Elapsed.TotalMilliseconds,
            response is null ? "error" : "success",
            messages,
            options?.Clone(),
            response,
            stream));
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsShipper)
        {
            _shipper.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
