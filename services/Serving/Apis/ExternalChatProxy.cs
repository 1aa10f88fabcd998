using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.Serving.Infrastructure.Deployment;
using Yarp.ReverseProxy.Forwarder;

namespace SlmPlatform.Serving.Apis;

/// <summary>
/// Answers an OpenAI chat request for a specialist deployed to Ollama or vLLM by forwarding it (YARP's forwarder) to the
/// server's own <c>/v1/chat/completions</c> (both speak it), with <c>model</c> set to the name it is served under and
/// everything else as the caller sent it; the answer comes back unchanged, plain or as server-sent events copied as
/// they arrive. A target that cannot be reached, times out or answers with an error is a 502, which the gateway treats
/// as any serving error: it falls back to the teacher.
/// </summary>
public static partial class ExternalChatProxy
{
    public static async Task<IResult> ForwardAsync(JsonElement body, ExternalDeployment deployment, HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<DeployOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalChatProxy));

        // The body was bound (and checked) as JSON; the target gets it again, under its served name.
        var forwarded = WithModel(body, deployment.ServedName);
        context.Request.Body = new MemoryStream(forwarded, writable: false);
        context.Request.ContentLength = forwarded.Length;

        var apiKey = deployment.Target == DeployTargets.Vllm ? options.Vllm.ApiKey : null;
        var transformer = new ExternalChatTransformer(apiKey, status => LogRefused(logger, deployment.ModelId, deployment.Target, status));
        var error = await services.GetRequiredService<IHttpForwarder>().SendAsync(
            context, deployment.Endpoint, services.GetRequiredService<ExternalChatInvoker>().Invoker,
            new ForwarderRequestConfig { ActivityTimeout = options.ChatTimeout }, transformer);

        if (transformer.Refused is { } refused)
        {
            return BadGateway(deployment, $"answered {refused}");
        }

        switch (error)
        {
            case ForwarderError.None:
                return Results.Empty;
            case ForwarderError.Request or ForwarderError.RequestTimedOut when !context.Response.HasStarted:
                var reason = context.GetForwarderErrorFeature()?.Exception?.Message ?? error.ToString();
                LogUnreachable(logger, deployment.ModelId, deployment.Target, reason);
                return BadGateway(deployment, error == ForwarderError.RequestTimedOut ? "did not answer in time" : $"cannot be reached: {reason}");
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled:
                return Results.Empty; // the caller went away
            default:
                // The status line may be sent: all that is left is to cut the answer short, which clients see as an error.
                LogBrokenOff(logger, deployment.ModelId, deployment.Target, error.ToString());
                if (context.Response.HasStarted)
                {
                    context.Abort();
                    return Results.Empty;
                }

                return BadGateway(deployment, $"broke off ({error})");
        }
    }

    /// <summary>The request as sent, but for the model name; the body was bound as JSON, so it is an object here.</summary>
    private static byte[] WithModel(JsonElement body, string servedName)
    {
        var json = JsonNode.Parse(body.GetRawText())!.AsObject();
        json["model"] = servedName;
        return JsonSerializer.SerializeToUtf8Bytes(json);
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
