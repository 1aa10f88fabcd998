using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reading whole request bodies for endpoints that parse JSON themselves.</summary>
public static class RequestBodyExtensions
{
    /// <summary>
    /// Reads the body whole, answering 413 over <paramref name="maxBytes"/> and 400 for an empty body or bytes that
    /// are not UTF-8, with problem details that say which.
    /// </summary>
    public static async Task<Results<Ok<byte[]>, ProblemHttpResult>> ReadBoundedBodyAsync(this HttpRequest request, int maxBytes, CancellationToken cancellationToken)
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

        var body = request.ContentLength is > 0 and var length
            ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken)
            : await ReadToEndAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

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

    // With a Content-Length (the common case) the body lands in one array of the right size.
    private static async Task<byte[]> ReadExactlyAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        await body.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    private static async Task<byte[]?> ReadToEndAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        title: "Body too large",
        detail: $"The request body exceeds the limit of {maxBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
