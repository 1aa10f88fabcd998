using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// The README's table of each service's main endpoints (between its <c>api-endpoints</c> markers) against the
/// services themselves: every endpoint it names is in the service's OpenAPI document and answers a call with a key —
/// no 404 for a missing route, no 405, no 5xx — and every reference page it names is served.
/// </summary>
public sealed partial class ReadmeEndpointTests(PlatformUnderTest platform) : IClassFixture<PlatformUnderTest>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpointTheReadmeNames_IsDocumentedAndAnswers()
    {
        var rows = ReadmeRows();
        Assert.Equal(PlatformUnderTest.Services.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        var failures = new List<string>();
        foreach (var (service, endpoints) in rows)
        {
            using var client = platform.Client(service);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.ApiKey);
            var documented = await DocumentedAsync(client);
            using (var reference = await client.GetAsync("/scalar/v1", Token))
            {
                if (reference.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{service}: /scalar/v1 answered {(int)reference.StatusCode}");
                }
            }

            foreach (var (method, path) in endpoints)
            {
                if (!documented.Contains($"{method} {path}"))
                {
                    failures.Add($"{service}: {method} {path} is not in /openapi/v1.json");
                    continue;
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
                if (method != "GET" && method != "DELETE")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request, Token);
                var status = (int)response.StatusCode;
                var routeMissing = response.StatusCode == HttpStatusCode.NotFound && !path.Contains('{', StringComparison.Ordinal);
                if (status >= 500 || status is 401 or 403 or 405 || routeMissing)
                {
                    failures.Add($"{service}: {method} {path} answered {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The request examples on the reference pages are bodies people send as they are: each one, sent with a key (a new
    /// id in the path), is read and handled by its endpoint — not refused as malformed (400, 413, 415, 422), not a 5xx.
    /// </summary>
    [Fact]
    public async Task EveryRequestExample_IsReadByItsEndpoint()
    {
        var failures = new List<string>();
        var examples = 0;
        foreach (var service in PlatformUnderTest.Services)
        {
            using var client = platform.Client(service);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.ApiKey);
            using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Token));
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (!operation.Value.TryGetProperty("requestBody", out var body)
                        || body.GetProperty("content").EnumerateObject().FirstOrDefault(c => c.Value.TryGetProperty("example", out _)) is not { Value.ValueKind: JsonValueKind.Object } content)
                    {
                        continue;
                    }

                    examples++;
                    var route = GuidParameter().Replace(path.Name, Guid.NewGuid().ToString());
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), route)
                    {
                        Content = new StringContent(content.Value.GetProperty("example").GetRawText(), Encoding.UTF8, content.Name),
                    };
                    using var response = await client.SendAsync(request, Token);
                    var status = (int)response.StatusCode;
                    if (status is 400 or 401 or 403 or 413 or 415 or 422 || status >= 500)
                    {
                        failures.Add($"{service}: {request.Method} {path.Name} answered its own example {status}: {await response.Content.ReadAsStringAsync(Token)}");
                    }
                }
            }
        }

        Assert.True(examples >= 10, $"Only {examples} request examples in the OpenAPI documents.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Each service's endpoints as the README lists them, by the service's name in its first column.</summary>
    private static Dictionary<string, List<(string Method, string Path)>> ReadmeRows()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        var begin = readme.IndexOf("<!-- api-endpoints:begin", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- api-endpoints:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no api-endpoints section.");
        var rows = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var line in readme[begin..end].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var endpoints = Endpoint().Matches(line).Select(m => (m.Groups["method"].Value, m.Groups["path"].Value)).ToList();
            if (endpoints.Count > 0)
            {
                rows[cells[1]] = endpoints;
            }
        }

        return rows;
    }

    /// <summary>"METHOD /path" for every operation of the service's OpenAPI document.</summary>
    private static async Task<HashSet<string>> DocumentedAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Token));
        return
        [
            .. document.RootElement.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}")),
        ];
    }

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/[^`\s]*)`")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex GuidParameter();
}
