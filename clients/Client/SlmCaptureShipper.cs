using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SlmPlatform.Client;

/// <summary>
/// Ships recorded calls to the platform's ingest service in NDJSON batches from a background loop. Bounded: when the
/// queue is full, or ingest stays away past <see cref="SlmCaptureOptions.MaxAttempts"/>, calls are dropped and
/// counted in <see cref="Dropped"/>. It never blocks or fails the agent's own call.
/// </summary>
public sealed partial class SlmCaptureShipper : IAsyncDisposable
{
    private readonly SlmCaptureOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly Channel<RecordedCall> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _pending;
    private long _shipped;
    private long _dropped;

    /// <summary>Starts a shipper; pass an <see cref="HttpClient"/> to control the transport, or let it make its own.</summary>
    public SlmCaptureShipper(SlmCaptureOptions options, HttpClient? httpClient = null, ILogger<SlmCaptureShipper>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _queue = Channel.CreateBounded<RecordedCall>(new BoundedChannelOptions(options.MaxQueueLength) { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Calls accepted by ingest.</summary>
    public long Shipped => Interlocked.Read(ref _shipped);

    /// <summary>Calls given up on: queue full, ingest unreachable for too long, or refused as invalid.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void Enqueue(RecordedCall call)
    {
        if (_queue.Writer.TryWrite(call))
        {
            Interlocked.Increment(ref _pending);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Waits until every call queued so far was shipped or given up on (for tests and orderly shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (Interlocked.Read(ref _pending) > 0)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                var batch = new List<RecordedCall>(_options.MaxBatchSize);
                using (var gather = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
                {
                    gather.CancelAfter(_options.FlushInterval);
                    try
                    {
                        while (batch.Count < _options.MaxBatchSize && await reader.WaitToReadAsync(gather.Token).ConfigureAwait(false))
                        {
                            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var call))
                            {
                                batch.Add(call);
                            }
                        }
                    }
                    catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                    {
                        // The flush interval passed: send what there is.
                    }
                }

                await ShipAsync(batch).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ShipAsync(List<RecordedCall> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = Serialize(batch, out var unserializable);
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TrySendAsync(body).ConfigureAwait(false);
            if (outcome is not ShipOutcome.Retry || attempt >= _options.MaxAttempts)
            {
                var delivered = outcome == ShipOutcome.Accepted ? batch.Count - unserializable : 0;
                Interlocked.Add(ref _shipped, delivered);
                Interlocked.Add(ref _dropped, batch.Count - delivered);
                Interlocked.Add(ref _pending, -batch.Count);
                if (delivered < batch.Count)
                {
                    LogDropped(batch.Count - delivered, outcome);
                }

                return;
            }

            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task<ShipOutcome> TrySendAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.IngestEndpoint, "v1/calls/batch"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        try
        {
            using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted => ShipOutcome.Accepted,
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout => ShipOutcome.Retry,
                >= HttpStatusCode.InternalServerError => ShipOutcome.Retry,
                _ => ShipOutcome.Refused,
            };
        }
        catch (HttpRequestException)
        {
            return ShipOutcome.Retry;
        }
        catch (TaskCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return ShipOutcome.Retry;
        }
    }

    private static byte[] Serialize(List<RecordedCall> batch, out int unserializable)
    {
        unserializable = 0;
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var call in batch)
        {
            try
            {
                var line = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(line))
                {
                    WriteRecord(writer, call);
                }

                buffer.Write(line.WrittenSpan);
                buffer.Write("\n"u8);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                // A value in the agent's options that JSON cannot hold: that call is dropped, the batch goes on.
                unserializable++;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRecord(Utf8JsonWriter writer, RecordedCall call)
    {
        writer.WriteStartObject();
        writer.WriteString("id", call.Id);
        writer.WriteString("agent", call.Agent);
        if (call.Workload is not null)
        {
            writer.WriteString("workload", call.Workload);
        }

        writer.WriteString("started_at", call.StartedAt);
        writer.WriteNumber("latency_ms", Math.Round(call.LatencyMs, 3));
        writer.WriteString("status", call.Status);
        writer.WritePropertyName("request");
        OpenAiChatFormat.Request(call.Messages, call.Options, call.Stream).WriteTo(writer);
        writer.WritePropertyName("response");
        if (call.Response is { } response)
        {
            OpenAiChatFormat.Response(response).WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", "The call failed before a response arrived.");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Ships what is queued (waiting at most a few seconds), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await FlushAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // What is left is dropped rather than holding up shutdown.
            }
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private enum ShipOutcome
    {
        Accepted,
        Retry,
        Refused,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} recorded calls were not shipped to SlmPlatform ({Outcome})")]
    private partial void LogDropped(int count, ShipOutcome outcome);
}
