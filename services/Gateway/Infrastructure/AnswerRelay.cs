using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>
/// Copies an upstream's answer to the agent as it arrives and keeps a copy for the capture, never more than a limit
/// of it: what the gateway holds for one call stays bounded whatever the upstream sends.
/// </summary>
internal static class AnswerRelay
{
    public static async Task<ReadOnlyMemory<byte>?> RelayBodyAsync(HttpContext context, HttpResponseMessage response, int maxCaptureBytes, CancellationToken cancellationToken)
    {
        await using var upstream = await response.Content.ReadAsStreamAsync(cancellationToken);
        // An upstream may announce an empty body, which still needs a buffer to capture into.
        var copy = new ArrayBufferWriter<byte>((int)Math.Clamp(response.Content.Headers.ContentLength ?? 4096, 1, maxCaptureBytes));
        var capturing = true;
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await upstream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            capturing = capturing && copy.WrittenCount + read <= maxCaptureBytes;
            if (capturing)
            {
                copy.Write(chunk.AsSpan(0, read));
            }
        }

        return capturing ? copy.WrittenMemory : null;
    }

    public static async Task<byte[]?> ReadAtMostAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var copy = new ArrayBufferWriter<byte>((int)Math.Clamp(content.Headers.ContentLength ?? 4096, 1, maxBytes));
        int read;
        while ((read = await stream.ReadAsync(copy.GetMemory(16 * 1024), cancellationToken)) > 0)
        {
            copy.Advance(read);
            if (copy.WrittenCount > maxBytes)
            {
                return null;
            }
        }

        return copy.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Passes a server-sent event stream on event by event, flushing each, and returns the events' JSON payloads as
    /// one JSON array for the capture (null once they outgrow <paramref name="maxCaptureBytes"/>: the stream goes on,
    /// uncaptured). The usage event the gateway asked for on the client's behalf is not passed on. A single event
    /// larger than the limit cannot be relayed whole and ends the call (<see cref="EventTooLargeException"/>).
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> RelayEventsAsync(
        HttpContext context, HttpResponseMessage response, bool dropUsageEvent, int maxCaptureBytes, CancellationToken cancellationToken)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.StartAsync(cancellationToken);
        var output = context.Response.BodyWriter;
        var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(cancellationToken));
        var payloads = new ArrayBufferWriter<byte>();
        payloads.Write("["u8);
        var pendingEvent = new ArrayBufferWriter<byte>();
        var dropEvent = false;
        var capturing = true;

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (ServerSentEvents.TryReadLine(ref buffer, out var sequence))
            {
                ReadOnlySpan<byte> line = sequence.IsSingleSegment ? sequence.FirstSpan : sequence.ToArray();
                if (line.IsEmpty)
                {
                    await EndEventAsync();
                    continue;
                }

                if (ServerSentEvents.TryGetData(line, out var payload) && !payload.SequenceEqual(ServerSentEvents.Done))
                {
                    capturing = capturing && payloads.WrittenCount + payload.Length + 2 <= maxCaptureBytes;
                    if (capturing)
                    {
                        if (payloads.WrittenCount > 1)
                        {
                            payloads.Write(","u8);
                        }

                        payloads.Write(payload);
                    }

                    dropEvent |= dropUsageEvent && payload.IndexOf("\"usage\""u8) >= 0 && ServerSentEvents.IsUsageOnly(payload);
                }

                pendingEvent.Write(line);
                pendingEvent.Write("\n"u8);
            }

            // An upstream that never ends its line or its event would otherwise hold ever more of the gateway's memory.
            if (buffer.Length + pendingEvent.WrittenCount > maxCaptureBytes)
            {
                throw new EventTooLargeException(maxCaptureBytes);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await EndEventAsync();
        await reader.CompleteAsync();
        if (!capturing)
        {
            return null;
        }

        payloads.Write("]"u8);
        return payloads.WrittenMemory;

        async Task EndEventAsync()
        {
            if (pendingEvent.WrittenCount > 0 && !dropEvent)
            {
                output.Write(pendingEvent.WrittenSpan);
                output.Write("\n"u8);
                await output.FlushAsync(cancellationToken);
            }

            pendingEvent.Clear();
            dropEvent = false;
        }
    }
}
