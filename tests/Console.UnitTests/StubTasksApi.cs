using System.Net.Http.Json;
using SlmPlatform.Contracts.Http;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Console.UnitTests;

/// <summary>The tasks service as the console's client sees it: canned answers by path, and the keys it was sent.</summary>
public sealed class StubTasksApi : HttpMessageHandler
{
    public Dictionary<string, Func<HttpResponseMessage>> Answers { get; } = new(StringComparer.Ordinal);

    public List<string?> Authorizations { get; } = [];

    public void Answer<T>(string path, T body) =>
        Answers[path] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: PlatformJson.Options) };

    public static TaskSummary Task(string name, long calls) => new(
        Guid.NewGuid(), name, "support-bot", "w", "label", calls, calls * 40, calls * 3, calls * 0.001m, [], 420, 900, 3, 0.8,
        DateTimeOffset.UnixEpoch, TaskStatuses.Active, null, 1, 1);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorizations.Add(request.Headers.Authorization?.ToString());
        return System.Threading.Tasks.Task.FromResult(Answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
            ? answer()
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
