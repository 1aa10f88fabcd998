using System.Collections.Concurrent;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// Fine-tune progress as training announces it, handed to every open training page in this process, which keeps those
/// of its own jobs (a page lists only its tenant's jobs, so it never shows another's). <see cref="IsLive"/> says whether
/// announcements arrive at all: without the message bus the pages read the jobs again more often instead.
/// </summary>
public sealed class JobProgressFeed
{
    private readonly ConcurrentDictionary<Guid, Action<FineTuneProgressed>> _listeners = new();

    public bool IsLive { get; init; }

    public IDisposable Subscribe(Action<FineTuneProgressed> listener)
    {
        var id = Guid.NewGuid();
        _listeners[id] = listener;
        return new Subscription(() => _listeners.TryRemove(id, out _));
    }

    /// <summary>Hands the epoch to every open page; a page closing meanwhile misses it, and the others still get it.</summary>
    public void Publish(FineTuneProgressed progress)
    {
        foreach (var listener in _listeners.Values)
        {
            try
            {
                listener(progress);
            }
            catch (ObjectDisposedException)
            {
                // The page's circuit went away between its unsubscribing and this call.
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
