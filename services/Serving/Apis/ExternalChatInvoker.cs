using System.Diagnostics;
using System.Net;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// The one connection pool forwarded chat requests go through: no proxy, redirects, cookies or decompression (the
/// answer is passed on as sent), and no retries (the gateway falls back to the teacher instead, within its own limit).
/// A streamed answer may outlast any fixed timeout: <c>Serving:Deploy:ChatTimeout</c> bounds each forward.
/// </summary>
public sealed class ExternalChatInvoker : IDisposable
{
    public HttpMessageInvoker Invoker { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ActivityHeadersPropagator = DistributedContextPropagator.Current,
        EnableMultipleHttp2Connections = true,
    });

    public void Dispose() => Invoker.Dispose();
}
