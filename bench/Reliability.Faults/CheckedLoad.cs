using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// Steady traffic into the platform with every outcome written down: calls posted to ingest (each with an id of the
/// client's own, retried with that id until it is accepted, as the platform's client does; one, batched and as an
/// OpenTelemetry span in turn: <see cref="IngestEntries"/>) and chat requests through
/// the gateway (each answered one recorded with the call id the gateway gave it; an agent does not retry an answered
/// call). Every call carries a marker that survives scrubbing, and the run's canaries. The time each accepted call took
/// is kept, for the soak's percentiles.
/// </summary>
internal sealed class CheckedLoad(FaultPlatform platform, Canaries canaries, LoadShape shape)
{
    /// <summary>The call site the gateway's load comes from (<c>X-Slm-Agent</c>, <c>X-Slm-Workload</c>).</summary>
    public const string Agent = "fault-suite-agent";
    public const string Workload = "sort-message";

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, bool> _ingestIds = new();
    private readonly ConcurrentDictionary<string, bool> _gatewayIds = new();
    private int _specialistAnswers;
    private readonly ConcurrentDictionary<string, int> _ingestRetries = new();
    private readonly ConcurrentDictionary<string, int> _gatewayFailures = new();
    private readonly ConcurrentQueue<Latency> _latencies = new();
    // Ids carry no canary: an id is stored and logged in clear by design.
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _next;

    /// <summary>Ingest's call ids, true once answered 202.</summary>
    public IReadOnlyDictionary<string, bool> IngestCalls => _ingestIds;

    /// <summary>The call ids of the gateway's answers relayed to the agent (200 with <c>x-slm-call-id</c>).</summary>
    public IReadOnlyCollection<string> GatewayCalls => (IReadOnlyCollection<string>)_gatewayIds.Keys;

    /// <summary>
    /// While set, every other chat request through the gateway is poison: text with U+0000 and a lone surrogate (which
    /// PostgreSQL's jsonb cannot hold: the platform stores it mapped), or a body nested deeper than the bus can carry
    /// (refused at the edge with 400). The rest of the load must be stored as ever.
    /// </summary>
    public bool Poisoned { get; set; }

    /// <summary>Answers a routed specialist gave (<c>x-slm-served-by: specialist:…</c>): not captured, by design.</summary>
    public int SpecialistAnswers => _specialistAnswers;

    /// <summary>What ingest answered before it accepted, by status (or exception), however often each call retried.</summary>
    public IReadOnlyDictionary<string, int> IngestRetries => _ingestRetries;

    /// <summary>What the gateway answered agents instead of 200, by status.</summary>
    public IReadOnlyDictionary<string, int> GatewayFailures => _gatewayFailures;

    /// <summary>How long each call accepted at the first try took (ingest) or each relayed answer (gateway), and when.</summary>
    public IReadOnlyCollection<Latency> Latencies => _latencies;

    /// <summary>Sends for <paramref name="duration"/>; calls not yet accepted then keep retrying until <paramref name="retryUntil"/>.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan retryUntil, CancellationToken cancellationToken)
    {
        using var ingest = Client(platform.Address(FaultPlatform.Ingest));
        using var gateway = Client(platform.Address(FaultPlatform.Gateway));
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, shape.IngestClients)
            .Select(_ => PacedAsync(shape.IngestRate / shape.IngestClients, started, duration, () => PostCallAsync(ingest, started, retryUntil, cancellationToken), cancellationToken))
            .Concat(Enumerable.Range(0, shape.GatewayClients)
                .Select(_ => PacedAsync(shape.GatewayRate / shape.GatewayClients, started, duration, () => ChatAsync(gateway, cancellationToken), cancellationToken)));
        await Task.WhenAll(workers);
    }

    private static async Task PacedAsync(double perSecond, long started, TimeSpan duration, Func<Task> send, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var next = TimeSpan.Zero;
        while (next < duration)
        {
            var wait = next - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await send();
            next += interval;
        }
    }

    private async Task PostCallAsync(HttpClient ingest, long started, TimeSpan retryUntil, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        var call = IngestEntries.For(_run, n, Text("i", n));
        var id = call.Id;
        _ingestIds[id] = false;
        var firstTry = true;
        while (Stopwatch.GetElapsedTime(started) < retryUntil)
        {
            string outcome;
            try
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await ingest.PostAsync(call.Path, call.Body(), cancellationToken);
                if (response.StatusCode == call.Accepted && await TookItAsync(response, cancellationToken))
                {
                    _ingestIds[id] = true;
                    if (firstTry)
                    {
                        _latencies.Enqueue(new Latency(LoadPath.Ingest, sent, Stopwatch.GetElapsedTime(sent)));
                    }

                    return;
                }

                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (response.StatusCode == call.Accepted
                    || (int)response.StatusCode is >= 400 and < 500 and not 408 and not 429
                    || (response.StatusCode == HttpStatusCode.TooManyRequests && !shape.RetryWhenLimited))
                {
                    // The call itself was refused: retrying the same bytes cannot help, and the row shows it.
                    _ingestRetries.AddOrUpdate($"{outcome} (refused)", 1, (_, c) => c + 1);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                outcome = e is TaskCanceledException ? "timeout" : "no connection";
            }

            _ingestRetries.AddOrUpdate(outcome, 1, (_, c) => c + 1);
            firstTry = false;
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    private async Task ChatAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _next);
        string outcome;
        try
        {
            var sent = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions");
            // Tagged as an agent tags its call site, so that a scenario can route it to a specialist.
            request.Headers.Add("X-Slm-Agent", Agent);
            request.Headers.Add("X-Slm-Workload", Workload);
            request.Content = Poisoned && n % 2 == 0 ? Poison(n) : JsonContent.Create(new
            {
                model = "gpt-4o-mini",
                messages = new object[]
                {
                    new { role = "system", content = Instructions },
                    new { role = "user", content = Text("g", n) },
                },
            });
            using var response = await gateway.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("x-slm-served-by", out var servedBy)
                && servedBy.First().StartsWith("specialist:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _specialistAnswers);
                _latencies.Enqueue(new Latency(LoadPath.Gateway, sent, Stopwatch.GetElapsedTime(sent)));
                return;
            }

            if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("x-slm-call-id", out var ids))
            {
                _gatewayIds[ids.First()] = true;
                _latencies.Enqueue(new Latency(LoadPath.Gateway, sent, Stopwatch.GetElapsedTime(sent)));
                return;
            }

            outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            outcome = e is TaskCanceledException ? "timeout" : "no connection";
        }

        _gatewayFailures.AddOrUpdate(outcome, 1, (_, c) => c + 1);
    }

    private const string Instructions = "Sort the customer's message into billing, delivery or other.";

    // Written as JSON text: a serializer would refuse the lone surrogate the escape stands for.
    private StringContent Poison(int n)
    {
        var text = JsonSerializer.Serialize(Text("g", n));
        var body = n % 4 == 0
            ? $$"""{"model":"gpt-4o-mini","messages":[{"role":"system","content":"{{Instructions}}"},{"role":"user","content":{{text[..^1]}} \u0000 \ud800"}]}"""
            : $$"""{"model":"gpt-4o-mini","metadata":{{string.Concat(Enumerable.Repeat("{\"a\":", 60))}}1{{new string('}', 60)}},"messages":[{"role":"user","content":{{text}}}]}""";
        return new StringContent(body, Encoding.UTF8, "application/json");
    }

    // A batch and a trace export answer for each call inside: the call is accepted only if it is not among the refused.
    private static async Task<bool> TookItAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return !body.Contains("\"rejected\":[{", StringComparison.Ordinal) && !body.Contains("rejected_spans", StringComparison.Ordinal)
            && !body.Contains("rejectedSpans", StringComparison.Ordinal);
    }

    // The marker ("ref-i42") is what the checker counts rows by: it is no kind of personal data, so it survives scrubbing.
    private string Text(string source, int n) =>
        $"Hello, about reference ref-{source}{n}: I was charged twice. Write to me at {canaries.Email(n)} and refund card {canaries.Card(n)}.";

    private HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", shape.ApiKey);
        return http;
    }
}

/// <summary>Who sends and how much: a tenant's key, calls a second to ingest and through the gateway, and the senders of each;</summary>
/// <see cref="RetryWhenLimited"/> false: a 429 ends the call, as a flooding client that does not listen would have it.
internal sealed record LoadShape(string ApiKey, double IngestRate, int IngestClients, double GatewayRate, int GatewayClients, bool RetryWhenLimited = true);

internal enum LoadPath
{
    Ingest,
    Gateway,
}

/// <summary>One accepted call: its path, when it was sent (a <see cref="Stopwatch"/> timestamp) and how long it took.</summary>
internal sealed record Latency(LoadPath Path, long SentAt, TimeSpan Took);
