using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// An agent's side of ingest: posts call records with an API key over pooled HTTP/1.1 connections, one per request in
/// flight. Only a 202 counts; for a batch, the records its answer lists as accepted.
/// </summary>
internal sealed class IngestLoad(HttpClient client) : IDisposable
{
    private static readonly Uri CallsPath = new("/v1/calls", UriKind.Relative);
    private static readonly Uri BatchPath = new("/v1/calls/batch", UriKind.Relative);

    public static IngestLoad Create(Uri baseAddress, string apiKey, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new IngestLoad(client);
    }

    public async Task<Outcome> PostOneAsync(CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(CallRecords.One());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(CallsPath, content, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted ? Outcome.Ok(1) : Outcome.Fail($"HTTP {(int)response.StatusCode}");
    }

    public async Task<Outcome> PostBatchAsync(int size, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(CallRecords.Array(size));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(BatchPath, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return Outcome.Fail($"HTTP {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var answer = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var accepted = answer.RootElement.GetProperty("accepted").GetArrayLength();
        return accepted > 0 ? Outcome.Ok(accepted) : Outcome.Fail("202 with no record accepted");
    }

    public void Dispose() => client.Dispose();
}
