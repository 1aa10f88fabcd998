using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The upstream both paths call: a minimal OpenAI-compatible <c>POST /v1/chat/completions</c> on bare Kestrel that
/// answers at once with fixed bytes — a ~1 KB <c>chat.completion</c> with Content-Length, or a short event stream
/// flushed event by event (with the usage event only when the request asks for it, as OpenAI does). It reads the
/// whole request body, as a real provider must, and looks at nothing but <c>stream</c> and <c>include_usage</c>. It
/// runs as a child process of this same program (<c>--serve-upstream URL</c>), so that its CPU time is its own.
/// </summary>
internal static class LocalUpstream
{
    public const string ApiKey = "sk-bench-upstream-7d1e0c5a";
    public const string ServeOption = "--serve-upstream";

    private static readonly byte[] Healthy = "Healthy"u8.ToArray();

    public static async Task RunAsync(string url, CancellationToken cancellationToken)
    {
        await using var app = ChildWebServer.CreateBuilder(url).Build();
        app.Run(HandleAsync);
        await app.ServeAsync(cancellationToken);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (HttpMethods.IsGet(request.Method) && request.Path == "/health")
        {
            response.ContentType = "text/plain";
            await response.Body.WriteAsync(Healthy, context.RequestAborted);
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || request.Path != "/v1/chat/completions")
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (stream, includeUsage) = await ReadRequestAsync(request.BodyReader, context.RequestAborted);
        response.Headers["x-request-id"] = "req_bench_0001";
        if (!stream)
        {
            response.ContentType = "application/json";
            response.ContentLength = ChatPayloads.Completion.Length;
            await response.Body.WriteAsync(ChatPayloads.Completion, context.RequestAborted);
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        foreach (var sse in includeUsage ? ChatPayloads.StreamEventsWithUsage : ChatPayloads.StreamEvents)
        {
            // PipeWriter.WriteAsync flushes: every event leaves on its own, as a model's tokens do.
            await response.BodyWriter.WriteAsync(sse, context.RequestAborted);
        }
    }

    private static async Task<(bool Stream, bool IncludeUsage)> ReadRequestAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted)
            {
                var answer = Inspect(result.Buffer);
                reader.AdvanceTo(result.Buffer.End);
                return answer;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static (bool Stream, bool IncludeUsage) Inspect(ReadOnlySequence<byte> body)
    {
        ReadOnlySpan<byte> json = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
        return (json.IndexOf("\"stream\":true"u8) >= 0, json.IndexOf("\"include_usage\":true"u8) >= 0);
    }
}
