using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>Reads a request body whole, refusing bodies over a limit and bytes that are not UTF-8.</summary>
internal static class RequestBody
{
    public static async Task<Results<Ok<byte[]>, ProblemHttpResult>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // This endpoint enforces its own limit, so Kestrel's global one must not cut in first with a bare 413.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        if (body.Length == 0)
        {
            return TypedResults.Problem(title: "Empty body", detail: "The request body is empty.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!Utf8.IsValid(body))
        {
            return TypedResults.Problem(title: "Invalid encoding", detail: "The request body is not valid UTF-8.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(body);
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        title: "Body too large",
        detail: $"The request body exceeds the limit of {maxBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
