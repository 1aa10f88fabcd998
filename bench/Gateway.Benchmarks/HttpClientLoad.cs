using System.Net.Http.Headers;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The alternative load tool (<c>--client httpclient</c>): .NET's HttpClient on SocketsHttpHandler, one pooled
/// HTTP/1.1 connection per worker — the stack the OpenAI SDK for .NET sends with. It costs more CPU per request than
/// <see cref="RawHttpClient"/>, which on a small machine is taken from the servers; it serves as a cross-check.
/// </summary>
internal sealed class HttpClientLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _path;
    private readonly byte[] _body;
    private readonly bool _stream;

    public HttpClientLoad(Uri baseAddress, string bearer, IReadOnlyDictionary<string, string> headers, byte[] body, bool stream, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        _client.DefaultRequestHeaders.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        foreach (var (name, value) in headers)
        {
            _client.DefaultRequestHeaders.Add(name, value);
        }

        _path = new Uri("v1/chat/completions", UriKind.Relative);
        _body = body;
        _stream = stream;
    }

    public ILoadWorker CreateWorker() => new Worker(this);

    public void Dispose() => _client.Dispose();

    private sealed class Worker(HttpClientLoad load) : ILoadWorker
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private SseDataMatcher _matcher;

        public async ValueTask<Exchange> SendAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, load._path) { Content = new ByteArrayContent(load._body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            _matcher.Reset();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await load._client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                double? overhead = response.Headers.TryGetValues("x-slm-overhead-duration-ms", out var values)
                    && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms : null;
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var firstData = 0L;
                int read;
                while ((read = await body.ReadAsync(_buffer, cancellationToken)) > 0)
                {
                    if (load._stream && _matcher.Push(_buffer.AsSpan(0, read)))
                    {
                        firstData = Stopwatch.GetTimestamp();
                    }
                }

                var ended = Stopwatch.GetTimestamp();
                if ((int)response.StatusCode != 200)
                {
                    return Exchange.Failed($"HTTP {(int)response.StatusCode}");
                }

                if (load._stream && firstData == 0)
                {
                    return Exchange.Failed("stream without a data event");
                }

                return new Exchange(load._stream ? firstData - started : ended - started, ended - started, overhead, null);
            }
            catch (Exception e) when (e is HttpRequestException or IOException
                || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Exchange.Failed(e is TaskCanceledException ? "timeout" : e.GetType().Name);
            }
        }

        // The shared HttpClient is disposed with the load set; its 60 s timeout ends a request that hangs.
        public void Dispose()
        {
        }
    }
}
