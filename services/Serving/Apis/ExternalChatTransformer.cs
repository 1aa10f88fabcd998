using System.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// What a forwarded chat request carries to Ollama or vLLM: the JSON body, its content headers and <c>Accept</c>, and the
/// target's own key where it has one; never the caller's headers, which hold the platform's credentials and tenant.
/// An error answer is not passed on: <see cref="Refused"/> keeps its status for the caller's 502.
/// </summary>
public sealed class ExternalChatTransformer(string? apiKey, Action<int> onRefused) : HttpTransformer
{
    private const string ChatPath = "v1/chat/completions";

    public int? Refused { get; private set; }

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Clear();
        proxyRequest.Headers.Accept.ParseAdd(httpContext.Request.Headers.Accept.ToString() is { Length: > 0 } accept ? accept : "application/json");
        if (!string.IsNullOrEmpty(apiKey))
        {
            proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        proxyRequest.RequestUri = new Uri(new Uri(destinationPrefix.TrimEnd('/') + "/"), ChatPath);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is { IsSuccessStatusCode: false })
        {
            // The target's error text is its own (model not found, bad request); the caller gets a 502 instead.
            Refused = (int)proxyResponse.StatusCode;
            onRefused(Refused.Value);
            return false;
        }

        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }
}
