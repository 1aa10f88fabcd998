namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>The workers of one measured path, made with the chosen load tool, and what they share.</summary>
internal sealed class LoadSet : IDisposable
{
    private readonly IDisposable? _shared;

    private LoadSet(IReadOnlyList<ILoadWorker> workers, IDisposable? shared)
    {
        Workers = workers;
        _shared = shared;
    }

    public IReadOnlyList<ILoadWorker> Workers { get; }

    public static LoadSet Create(ClientKind client, Uri baseAddress, string bearer, IReadOnlyDictionary<string, string> headers, bool stream, int concurrency)
    {
        var body = ChatPayloads.Request(stream);
        if (client == ClientKind.Raw)
        {
            return new LoadSet([.. Enumerable.Range(0, concurrency).Select(_ => new RawHttpClient(baseAddress, bearer, headers, body, stream))], null);
        }

        var shared = new HttpClientLoad(baseAddress, bearer, headers, body, stream, concurrency);
        return new LoadSet([.. Enumerable.Range(0, concurrency).Select(_ => shared.CreateWorker())], shared);
    }

    public void Dispose()
    {
        foreach (var worker in Workers)
        {
            worker.Dispose();
        }

        _shared?.Dispose();
    }
}
