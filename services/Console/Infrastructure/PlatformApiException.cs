using System.Net;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>A platform API refused or failed a request; <see cref="Exception.Message"/> is fit to show.</summary>
public sealed class PlatformApiException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
