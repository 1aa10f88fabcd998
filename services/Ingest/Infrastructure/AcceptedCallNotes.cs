using System.Threading.Channels;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>
/// The notes of accepted calls waiting to be written (<see cref="AcceptedCalls"/>). Noting costs a request only a queue
/// write: <see cref="AcceptedCallNotesWriter"/> sends whatever has gathered as one command per tenant and hour, at once
/// when calls are few and in larger groups under load. Best effort by design: the call is already safe on the bus, and
/// when Redis is away the oldest notes are dropped rather than held without bound.
/// </summary>
public sealed class AcceptedCallNotes(TimeProvider time, bool written)
{
    /// <summary>About two seconds of the highest accepted rate measured here: beyond that, Redis is not keeping up.</summary>
    public const int Capacity = 20_000;

    private readonly Channel<AcceptedCallNote> _pending = Channel.CreateBounded<AcceptedCallNote>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<AcceptedCallNote> Pending => _pending.Reader;

    /// <summary>Queues the note; nothing when no cache is configured, for nothing would write it.</summary>
    public void Note(string tenantId, string callId)
    {
        if (written)
        {
            _pending.Writer.TryWrite(new AcceptedCallNote(tenantId, callId, time.GetUtcNow()));
        }
    }
}

public readonly record struct AcceptedCallNote(string TenantId, string CallId, DateTimeOffset AcceptedAt);
