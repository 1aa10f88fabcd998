using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// Answers an OpenAI chat request for a specialist deployed to Ollama or vLLM by forwarding it to the server's own
/// <c>/v1/chat/completions</c> (both speak it), with <c>model</c> set to the name it is served under and everything
/// else as the caller sent it; the answer comes back unchanged, plain or as server-sent events copied as they arrive.
/// A target that cannot be reached, times out or answers with an error is a 502, which the gateway treats as any
/// serving error: it falls back to the teacher.
/// </summary>
public static partial class ExternalChatProxy
{
    public const string ClientName = "serving-external";

    public static async Task<IResult> ForwardAsync(JsonElement body, ExternalDeployment deployment, HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<DeployOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalChatProxy));
        var url = new Uri(new Uri(deployment.Endpoint.TrimEnd('/') + "/"), "v1/chat/completions");
        var content = new ByteArrayContent(WithModel(body, deployment.ServedName));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (deployment.Target == DeployTargets.Vllm && options.Vllm.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(options.ChatTimeout);
        HttpResponseMessage response;
        try
        {
            response = await services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            LogUnreachable(logger, deployment.ModelId, deployment.Target, e.Message);
            return BadGateway(deployment, e is HttpRequestException ? $"cannot be reached: {e.Message}" : "did not answer in time");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // The target's error text is its own (model not found, bad request); the caller's content is not in it.
                LogRefused(logger, deployment.ModelId, deployment.Target, (int)response.StatusCode);
                return BadGateway(deployment, $"answered {(int)response.StatusCode}");
            }

            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            try
            {
                await CopyAsync(response, context, limit.Token);
            }
            catch (Exception e) when (e is IOException or HttpRequestException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
            {
                // The status line is sent: all that is left is to cut the answer short, which clients see as an error.
                LogBrokenOff(logger, deployment.ModelId, deployment.Target, e.Message);
                context.Abort();
            }
        }

        return Results.Empty;
    }

    /// <summary>The request as sent, but for the model name; the body was bound as JSON, so it is an object here.</summary>
    private static byte[] WithModel(JsonElement body, string servedName)
    {
        var json = JsonNode.Parse(body.GetRawText())!.AsObject();
        json["model"] = servedName;
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    /// <summary>Copies the answer, flushing after each read so that streamed chunks reach the caller as they come.</summary>
    private static async Task CopyAsync(HttpResponseMessage response, HttpContext context, CancellationToken cancellationToken)
    {
        await using var answer = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[8192];
        int read;
        while ((read = await answer.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private static ProblemHttpResult BadGateway(ExternalDeployment deployment, string what) => TypedResults.Problem(
        $"Model {deployment.ModelId} is served by {deployment.Target} at {deployment.Endpoint}, which {what}.",
        statusCode: StatusCodes.Status502BadGateway, title: "Bad Gateway");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} on {Target} could not be asked: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, Guid modelId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} on {Target} answered {Status}")]
    private static partial void LogRefused(ILogger logger, Guid modelId, string target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer of model {ModelId} on {Target} broke off: {Reason}")]
    private static partial void LogBrokenOff(ILogger logger, Guid modelId, string target, string reason);
}
