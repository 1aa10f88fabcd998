namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// One request and its answer as the client saw it: Stopwatch ticks from the first byte sent to the first SSE
/// <c>data:</c> field (streams; the whole answer otherwise) and to the answer's last byte, and the gateway's own
/// account of its time (<c>x-slm-overhead-duration-ms</c>) where it sent one.
/// </summary>
internal readonly record struct Exchange(long FirstDataTicks, long TotalTicks, double? OverheadMs, string? Failure)
{
    public static Exchange Failed(string reason) => new(0, 0, null, reason);
}

/// <summary>One closed-loop worker's way of making requests: it sends the next as soon as the last one is answered.</summary>
internal interface ILoadWorker : IDisposable
{
    /// <summary>Sends one request and reads its whole answer; never throws for a failed exchange.</summary>
    ValueTask<Exchange> SendAsync(CancellationToken cancellationToken);
}

/// <summary>Finds the first SSE <c>data:</c> field in a body that arrives in pieces, without copying it.</summary>
internal struct SseDataMatcher
{
    private int _matched;

    public bool Found { get; private set; }

    public void Reset()
    {
        _matched = 0;
        Found = false;
    }

    /// <summary>Feeds the next body bytes; true when the field's last byte is among them.</summary>
    public bool Push(ReadOnlySpan<byte> bytes)
    {
        if (Found)
        {
            return false;
        }

        ReadOnlySpan<byte> field = "data:"u8;
        foreach (var b in bytes)
        {
            // No proper prefix of "data:" is also its suffix, so a mismatch restarts at 'd' or at nothing.
            _matched = b == field[_matched] ? _matched + 1 : b == field[0] ? 1 : 0;
            if (_matched == field.Length)
            {
                Found = true;
                return true;
            }
        }

        return false;
    }
}
