using System.Text.RegularExpressions;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The load tool checked against wrk (Debian's <c>wrk</c>): the same plain request to the upstream called directly, at
/// the same concurrency, right after this tool's own measurement. Close figures say the load tool is not what limits
/// the direct path, and so not what limits the ratios either.
/// </summary>
internal static partial class WrkCrossCheck
{
    public static bool IsAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, "wrk")));

    public static async Task<string> RunAsync(Uri upstream, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("slm-wrk-");
        try
        {
            var body = Path.Combine(folder.FullName, "body.json");
            await File.WriteAllBytesAsync(body, ChatPayloads.Request(stream: false), cancellationToken);
            var script = Path.Combine(folder.FullName, "post.lua");
            await File.WriteAllTextAsync(script, $$"""
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer {{LocalUpstream.ApiKey}}"
                local file = io.open("{{body}}", "rb")
                wrk.body = file:read("*a")
                file:close()
                """, cancellationToken);
            var start = new ProcessStartInfo("wrk", [
                "-t1", $"-c{concurrency.ToString(CultureInfo.InvariantCulture)}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script,
                new Uri(upstream, "v1/chat/completions").ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            var rate = RequestsPerSecond().Match(output);
            var p50 = Percentile(output, "50");
            var p99 = Percentile(output, "99");
            return rate.Success
                ? $"wrk (1 thread, {concurrency} connections): {double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture):N0}/s, p50 {p50}, p99 {p99}"
                : $"wrk gave no rate: {output.Trim()}";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}(?:\.0+)?%\s+(\S+)", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : "?";
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)", RegexOptions.None, 1000)]
    private static partial Regex RequestsPerSecond();
}
