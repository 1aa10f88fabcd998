using System.Threading.Channels;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// Where the request path leaves a finished call. Never blocks and never throws: when even the memory queue is full
/// the capture is dropped and counted, because the agent's call matters more than its record.
/// </summary>
public sealed class CaptureQueue(CaptureMetrics metrics)
{
    public const int Capacity = 10_000;

    private readonly Channel<PendingCapture> _channel = Channel.CreateBounded<PendingCapture>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<PendingCapture> Reader => _channel.Reader;

    public void Enqueue(PendingCapture capture)
    {
        if (_channel.Writer.TryWrite(capture))
        {
            metrics.Queued();
        }
        else
        {
            metrics.Dropped("queue_full");
        }
    }
}
