using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Serving.Apis;

/// <summary>Writes objects as newline-delimited JSON, flushing after each, as Ollama streams.</summary>
public sealed class NdjsonResult(IReadOnlyList<object> items) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        httpContext.Response.ContentType = "application/x-ndjson";
        foreach (var item in items)
        {
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, item, item.GetType(), options, httpContext.RequestAborted);
            await httpContext.Response.Body.WriteAsync("\n"u8.ToArray(), httpContext.RequestAborted);
            await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
        }
    }
}
