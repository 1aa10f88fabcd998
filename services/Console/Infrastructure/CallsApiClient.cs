namespace SlmPlatform.Console.Infrastructure;

/// <summary>The tenant's scrubbed calls on the calls service, oldest first, a page at a time.</summary>
public sealed class CallsApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "calls service")
{
    public const string ServiceName = "calls";

    /// <summary>A page of calls, filtered by agent when one is given; <paramref name="after"/> is the previous page's <c>next</c>.</summary>
    public Task<CallPage> ListAsync(string? agent, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = new List<string> { $"limit={limit}" };
        if (!string.IsNullOrWhiteSpace(agent))
        {
            query.Add($"agent={Uri.EscapeDataString(agent.Trim())}");
        }

        if (!string.IsNullOrEmpty(after))
        {
            query.Add($"after={Uri.EscapeDataString(after)}");
        }

        return GetAsync<CallPage>($"api/calls?{string.Join('&', query)}", cancellationToken);
    }
}
