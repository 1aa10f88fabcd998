using System.Net.Http.Headers;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>What each path answers, against what the upstream answers directly: a path that differs is left out, and said so.</summary>
internal static class PathChecks
{
    /// <summary>
    /// One plain and one streamed call on each path, compared byte for byte with the direct answer: the gateway must
    /// relay the upstream's answer unchanged (and keep from the client the usage event it asked for on its behalf).
    /// </summary>
    public static async Task<List<string>> CheckPathsAsync(Target direct, IReadOnlyList<Target> proxies, TextWriter progress, CancellationToken cancellationToken)
    {
        var checks = new List<string>();
        foreach (var stream in new[] { false, true })
        {
            var expected = await CallOnceAsync(direct, stream, cancellationToken);
            foreach (var proxy in proxies)
            {
                byte[] answer;
                try
                {
                    answer = await CallOnceAsync(proxy, stream, cancellationToken);
                }
                catch (InvalidOperationException e) when (proxy.IsPeer)
                {
                    // Another team's proxy that cannot carry a mode is a finding to report, not the end of the run.
                    var refusal = $"{(stream ? "streamed" : "plain")} answer via the {proxy.Name}: FAILED ({FirstLine(e.Message)}); left out of the {(stream ? "streamed" : "plain")} scenarios";
                    proxy.FailedModes.Add(stream);
                    checks.Add(refusal);
                    progress.WriteLine("  " + refusal);
                    continue;
                }

                proxy.Calls.Value++;
                var same = answer.AsSpan().SequenceEqual(expected);
                var check = $"{(stream ? "streamed" : "plain")} answer via the {proxy.Name}: {answer.Length} B, " +
                    (same ? "byte for byte the upstream's" : $"DIFFERENT from the upstream's {expected.Length} B");
                checks.Add(check);
                progress.WriteLine("  " + check);
            }
        }

        return checks;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static async Task<byte[]> CallOnceAsync(Target target, bool stream, CancellationToken cancellationToken)
    {
        var service = target.Host.Current;
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.Bearer);
        foreach (var (name, value) in target.Headers)
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        using var content = new ByteArrayContent(ChatPayloads.Request(stream));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("v1/chat/completions", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{target.Name} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}{Environment.NewLine}" +
                $"{service.Name}'s last output:{Environment.NewLine}{service.RecentOutput}");
        }

        return body;
    }
}
