namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// The calls service: the tenant's scrubbed calls, oldest first, a page at a time; what the scrubber replaced; and
/// erasures of calls from every store.
/// </summary>
public sealed class CallsApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "calls service")
{
    public const string ServiceName = "calls";

    /// <summary>
    /// A page of calls, filtered by agent when one is given and to the UTC days from <paramref name="from"/> to
    /// <paramref name="to"/>; <paramref name="after"/> is the previous page's <c>next</c>.
    /// </summary>
    public Task<CallPage> ListAsync(string? agent, string? after, int limit, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        var query = CallQuery.Of(limit, after, from, to);
        if (!string.IsNullOrWhiteSpace(agent))
        {
            query += $"&agent={Uri.EscapeDataString(agent.Trim())}";
        }

        return GetAsync<CallPage>($"api/calls?{query}", cancellationToken);
    }

    /// <summary>The calls with these ids, as stored; ids the tenant does not have are left out.</summary>
    public async Task<IReadOnlyList<StoredCall>> LookupAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : (await PostAsync<CallLookup, CallLookupResult>("api/calls/lookup", new CallLookup(ids), cancellationToken)).Items;

    /// <summary>What the scrubber replaced in the last 30 days, by type and day.</summary>
    public Task<ScrubReport> ScrubReportAsync(CancellationToken cancellationToken) => GetAsync<ScrubReport>("api/scrub/report", cancellationToken);

    /// <summary>Erases the calls the request names from every store; the erasure's first report.</summary>
    public Task<ErasureStatus> EraseAsync(ErasureRequest request, CancellationToken cancellationToken) =>
        PostAsync<ErasureRequest, ErasureStatus>("api/erasures", request, cancellationToken);

    /// <summary>The erasure's report as it stands now; null when the tenant has no such erasure.</summary>
    public Task<ErasureStatus?> FindErasureAsync(Guid id, CancellationToken cancellationToken) => FindAsync<ErasureStatus>($"api/erasures/{id}", cancellationToken);
}
