using System.Net;
using System.Security.Claims;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// A dataset version's export, downloaded through the console: the browser holds no key, so the console asks the
/// training service with the key in the request's sign-in cookie and streams the JSONL on as it comes.
/// </summary>
public static class DatasetExportEndpoints
{
    public static IEndpointRouteBuilder MapDatasetExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/datasets/{id}/export", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(string id, string? format, HttpContext context, TrainingApiClient training, CancellationToken cancellationToken)
    {
        if (context.User.FindFirstValue(ConsoleSession.ApiKeyClaim) is not { } apiKey)
        {
            return Results.Unauthorized();
        }

        format ??= "openai";
        HttpResponseMessage response;
        try
        {
            response = await training.ExportDatasetAsync(id, format, apiKey, cancellationToken);
        }
        catch (PlatformApiException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway);
        }

        context.Response.RegisterForDispose(response);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Results.Stream(
                await response.Content.ReadAsStreamAsync(cancellationToken), "application/x-ndjson", $"{id}.{format}.jsonl"),
            HttpStatusCode.NotFound => Results.Problem("Your tenant has no such dataset.", statusCode: StatusCodes.Status404NotFound),
            HttpStatusCode.BadRequest => Results.Problem("Choose format openai or hf.", statusCode: StatusCodes.Status400BadRequest),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Results.Problem(
                "Your key no longer reads datasets: sign in again.", statusCode: (int)response.StatusCode),
            _ => Results.Problem($"The training service answered {(int)response.StatusCode}.", statusCode: StatusCodes.Status502BadGateway),
        };
    }
}
