using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The default load tool: a lean HTTP/1.1 client on one kept-alive socket per worker, in the manner of wrk. The
/// request is serialized once; an answer is read with Content-Length or chunked framing, and its status, the gateway's
/// overhead header and the first SSE <c>data:</c> field are picked out of the bytes as they arrive. Costing a fraction
/// of HttpClient's CPU per request, it leaves more of a small machine's cores to the servers being measured.
/// </summary>
internal sealed class RawHttpClient : ILoadWorker
{
    private const int BufferBytes = 64 * 1024;

    private readonly IPEndPoint _endpoint;
    private readonly byte[] _request;
    private readonly bool _stream;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private Socket? _socket;
    private int _start;
    private int _end;
    private long _receivedAt;
    private long _firstDataAt;
    private SseDataMatcher _matcher;

    public RawHttpClient(Uri baseAddress, string bearer, IReadOnlyDictionary<string, string> headers, byte[] body, bool stream)
    {
        _endpoint = new IPEndPoint(IPAddress.Parse(baseAddress.Host), baseAddress.Port);
        _stream = stream;
        var head = $"POST {baseAddress.AbsolutePath.TrimEnd('/')}/v1/chat/completions HTTP/1.1\r\n" +
            $"Host: {baseAddress.Authority}\r\n" +
            $"Authorization: Bearer {bearer}\r\n" +
            $"Accept: {(stream ? "text/event-stream" : "application/json")}\r\n" +
            "Content-Type: application/json\r\n" +
            "User-Agent: slm-gateway-benchmark\r\n" +
            string.Concat(headers.Select(h => $"{h.Key}: {h.Value}\r\n")) +
            $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        _request = [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    public async ValueTask<Exchange> SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ExchangeAsync(cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or ObjectDisposedException)
        {
            Close();
            return Exchange.Failed(e is SocketException socket ? $"socket {socket.SocketErrorCode}" : e.GetType().Name);
        }
    }

    public void Dispose() => Close();

    private async ValueTask<Exchange> ExchangeAsync(CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is null)
        {
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            _socket = socket;
            await socket.ConnectAsync(_endpoint, cancellationToken);
            _start = _end = 0;
        }

        _matcher.Reset();
        _firstDataAt = 0;
        var started = Stopwatch.GetTimestamp();
        for (var sent = 0; sent < _request.Length;)
        {
            sent += await socket.SendAsync(_request.AsMemory(sent), SocketFlags.None, cancellationToken);
        }

        int headLength;
        while ((headLength = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        var head = ResponseHead.Parse(_buffer.AsSpan(_start, headLength));
        _start += headLength + 4;
        if (head.Chunked)
        {
            while (true)
            {
                var (offset, length) = await ReadLineAsync(cancellationToken);
                var size = ParseChunkSize(_buffer.AsSpan(offset, length));
                if (size == 0)
                {
                    while ((await ReadLineAsync(cancellationToken)).Length > 0)
                    {
                        // Trailers: none expected, none kept.
                    }

                    break;
                }

                await ReadBodyAsync(size, cancellationToken);
                if ((await ReadLineAsync(cancellationToken)).Length != 0)
                {
                    throw new InvalidDataException("A chunk did not end where its size said.");
                }
            }
        }
        else if (head.ContentLength is { } contentLength)
        {
            await ReadBodyAsync(contentLength, cancellationToken);
        }
        else if (head.Status is not (204 or 304))
        {
            throw new InvalidDataException("An answer with neither Content-Length nor chunked framing.");
        }

        var ended = Stopwatch.GetTimestamp();
        if (head.ConnectionClose)
        {
            Close();
        }

        if (head.Status != 200)
        {
            return Exchange.Failed($"HTTP {head.Status}");
        }

        if (_stream && !_matcher.Found)
        {
            return Exchange.Failed("stream without a data event");
        }

        return new Exchange(_stream ? _firstDataAt - started : ended - started, ended - started, head.OverheadMs, null);
    }

    private async ValueTask ReadBodyAsync(long length, CancellationToken cancellationToken)
    {
        while (length > 0)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }

            var take = (int)Math.Min(length, _end - _start);
            if (_stream && _matcher.Push(_buffer.AsSpan(_start, take)))
            {
                _firstDataAt = _receivedAt;
            }

            _start += take;
            length -= take;
        }
    }

    /// <summary>The next CRLF-terminated line's place in the buffer, valid until the next read.</summary>
    private async ValueTask<(int Offset, int Length)> ReadLineAsync(CancellationToken cancellationToken)
    {
        int length;
        while ((length = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        var offset = _start;
        _start += length + 2;
        return (offset, length);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start == 0)
            {
                throw new InvalidDataException("An answer's head or chunk line does not fit the buffer.");
            }

            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        // Null only when the run closed this connection from outside (a server that never answered).
        var socket = _socket ?? throw new IOException("The connection was closed.");
        var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _receivedAt = Stopwatch.GetTimestamp();
        _end += read;
    }

    private static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var extension = line.IndexOf((byte)';');
        var digits = extension < 0 ? line : line[..extension];
        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) && size >= 0
            ? size
            : throw new InvalidDataException("A malformed chunk size.");
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    /// <summary>What the client needs from a status line and headers.</summary>
    private readonly record struct ResponseHead(int Status, long? ContentLength, bool Chunked, bool ConnectionClose, double? OverheadMs)
    {
        public static ResponseHead Parse(ReadOnlySpan<byte> head)
        {
            var lineEnd = head.IndexOf("\r\n"u8);
            var statusLine = lineEnd < 0 ? head : head[..lineEnd];
            if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8)
                || !int.TryParse(statusLine.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw new InvalidDataException("A malformed status line.");
            }

            var parsed = new ResponseHead(status, null, false, false, null);
            var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf("\r\n"u8);
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 2)..];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue;
                }

                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                {
                    parsed = parsed with { ContentLength = long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) };
                }
                else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                {
                    parsed = parsed with { Chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) };
                }
                else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
                {
                    parsed = parsed with { ConnectionClose = Ascii.EqualsIgnoreCase(value, "close"u8) };
                }
                else if (Ascii.EqualsIgnoreCase(name, "x-slm-overhead-duration-ms"u8)
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var overhead))
                {
                    parsed = parsed with { OverheadMs = overhead };
                }
            }

            return parsed;
        }
    }
}
