using System.Net.Http.Json;
using SlmPlatform.Contracts.Http;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Console.UnitTests;

/// <summary>A request the console made: its method, path and query, body and key.</summary>
public sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization);

/// <summary>The platform's APIs as the console's clients see them: canned answers by method and path, and every request sent.</summary>
public sealed class StubPlatformApi : HttpMessageHandler
{
    private readonly Dictionary<(HttpMethod, string), Func<HttpResponseMessage>> _answers = [];

    public List<SentRequest> Requests { get; } = [];

    public IEnumerable<string?> Authorizations => Requests.Select(r => r.Authorization);

    /// <summary>What a GET of <paramref name="path"/> answers: 200 with <paramref name="body"/>.</summary>
    public void Answer<T>(string path, T body) => AnswerTo(HttpMethod.Get, path, HttpStatusCode.OK, body);

    public void AnswerTo<T>(HttpMethod method, string path, HttpStatusCode status, T body) =>
        _answers[(method, path)] = () => new HttpResponseMessage(status) { Content = JsonContent.Create(body, options: PlatformJson.Options) };

    public void AnswerTo(HttpMethod method, string path, HttpStatusCode status) =>
        _answers[(method, path)] = () => new HttpResponseMessage(status);

    public static TaskSummary Task(string name, long calls) => new(
        Guid.NewGuid(), name, "support-bot", "w", "label", calls, calls * 40, calls * 3, calls * 0.001m, [], 420, 900, 3, 0.8,
        DateTimeOffset.UnixEpoch, TaskStatuses.Active, null, 1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(request.Method, request.RequestUri!.PathAndQuery, body, request.Headers.Authorization?.ToString()));
        // An answer for the path with its query first, then for the path whatever the query.
        return _answers.TryGetValue((request.Method, request.RequestUri.PathAndQuery), out var answer)
            || _answers.TryGetValue((request.Method, request.RequestUri.AbsolutePath), out answer)
            ? answer()
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
