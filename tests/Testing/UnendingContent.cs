using System.Net;
using System.Text;

namespace SlmPlatform.Testing;

/// <summary>
/// A request body that never ends, or that arrives a byte at a time: what a broken or hostile client sends to keep a
/// server reading. Sent chunked (no length); it stops when the server answers or the connection goes.
/// </summary>
public sealed class UnendingContent : HttpContent
{
    private readonly byte[] _opening;
    private readonly byte[] _piece;
    private readonly TimeSpan _pause;

    private UnendingContent(string opening, byte[] piece, TimeSpan pause)
    {
        _opening = Encoding.UTF8.GetBytes(opening);
        _piece = piece;
        _pause = pause;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    /// <summary>A JSON body that opens a string and goes on filling it, as fast as the server reads.</summary>
    public static UnendingContent Endless(string opening) => new(opening, Encoding.UTF8.GetBytes(new string('x', 64 * 1024)), TimeSpan.Zero);

    /// <summary>A JSON body that opens a string and adds one byte every <paramref name="pause"/>.</summary>
    public static UnendingContent Dripping(string opening, TimeSpan pause) => new(opening, "x"u8.ToArray(), pause);

    /// <summary>
    /// Sends <paramref name="content"/>: what the server answered, or null when it closed the connection while the body
    /// was still being sent (a client of HTTP/1.1 reads no answer before its body is out), and how long that took.
    /// </summary>
    public static async Task<(HttpStatusCode? Answered, TimeSpan Took)> SendAsync(HttpClient client, string path, UnendingContent content, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(path, content, cancellationToken);
            return (response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException)
        {
            return (null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_opening, cancellationToken);
        while (true)
        {
            await stream.WriteAsync(_piece, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (_pause > TimeSpan.Zero)
            {
                await Task.Delay(_pause, cancellationToken);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
