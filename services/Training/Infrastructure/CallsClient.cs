using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>The scrubber's calls API, as the platform's service credential acting for the tenant.</summary>
public sealed class CallsClient(HttpClient http)
{
    /// <summary>The scrubbed calls with these ids that the scrubber still has, in the order asked for.</summary>
    public async Task<IReadOnlyList<StoredCall>> LookupAsync(string tenantId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls/lookup")
        {
            Content = JsonContent.Create(new CallLookup(ids), options: PlatformJson.Options),
        }.ActingFor(tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CallLookupResult>(PlatformJson.Options, cancellationToken))!.Items;
    }
}
