using System.Net.Sockets;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>Turns what an HTTP call to a target threw into a <see cref="DeploymentException"/> that says whether retrying can help.</summary>
public static class TargetErrors
{
    /// <summary>
    /// Connection failures, timeouts and 5xx answers are worth retrying; any other answer is the target refusing.
    /// Returns null for exceptions that are not about the target (the caller's own cancellation among them).
    /// </summary>
    public static DeploymentException? Classify(Exception exception, string target, Uri url, CancellationToken cancellationToken) => exception switch
    {
        DeploymentException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException => new(DeploymentFailure.Unreachable, $"{target} at {url} did not answer in time.", exception),
        HttpRequestException { StatusCode: null } or SocketException =>
            new(DeploymentFailure.Unreachable, $"{target} at {url} cannot be reached: {exception.Message}", exception),
        HttpRequestException { StatusCode: { } status } when (int)status >= 500 =>
            new(DeploymentFailure.Unreachable, $"{target} at {url} failed ({(int)status}): {exception.Message}", exception),
        HttpRequestException or OllamaSharp.Models.Exceptions.OllamaException or JsonException =>
            new(DeploymentFailure.Rejected, $"{target} at {url} refused: {exception.Message}", exception),
        _ => null,
    };

    public static DeploymentException NotConfigured(string target, string setting) =>
        new(DeploymentFailure.Unreachable, $"No {target} server is configured ({setting}).");
}
