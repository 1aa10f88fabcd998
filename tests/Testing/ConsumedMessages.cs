using System.Collections.Concurrent;
using MassTransit;

namespace SlmPlatform.Testing;

/// <summary>
/// The messages a service in the test process has finished consuming (or failed on), by message id: the positive
/// signal a "nothing more happened" test waits for before it asserts that nothing more happened. Register with
/// <c>services.AddConsumeObserver(_ => consumed)</c>.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();

    private int _count;
    private int _redelivered;

    /// <summary>Deliveries the broker marked redelivered: another consumer (or this one) had them and did not acknowledge them.</summary>
    public int Redelivered => Volatile.Read(ref _redelivered);

    /// <summary>Every delivery consumed so far, of any message.</summary>
    public int Count => Volatile.Read(ref _count);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Handled(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Handled(context);

    /// <summary>Waits until the message with this id has been consumed <paramref name="times"/> times (each delivery counts).</summary>
    public async Task WaitForAsync(Guid messageId, int times = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_handled.GetValueOrDefault(messageId) < times)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Message {messageId} was consumed {_handled.GetValueOrDefault(messageId)} of {times} times.");
            }

            await Task.Delay(20);
        }
    }

    private Task Handled<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _count);
        if (context.ReceiveContext.Redelivered)
        {
            Interlocked.Increment(ref _redelivered);
        }

        if (context.MessageId is { } id)
        {
            _handled.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
