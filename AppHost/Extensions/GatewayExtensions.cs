namespace SlmPlatform.AppHost.Extensions;

public static class GatewayExtensions
{
    /// <summary>
    /// The OpenAI-compatible gateway. Its upstream is set by the <c>upstream-base-url</c> and <c>upstream-api-key</c>
    /// parameters (the default points at a local Ollama's <c>/v1</c>). Captures wait for the bus in an encrypted
    /// disk buffer: under the state folder in local mode, under the service's content root otherwise (mount a
    /// volume there).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure)
    {
        // A parameter given a value ignores configuration, so the configured value (if any) is read here.
        var upstreamBaseUrl = builder.AddParameter("upstream-base-url",
            builder.Configuration["Parameters:upstream-base-url"] ?? "http://localhost:11434/v1", publishValueAsDefault: true);
        var upstreamApiKey = builder.AddParameter("upstream-api-key",
            builder.Configuration["Parameters:upstream-api-key"] ?? string.Empty, secret: true);
        var bufferKey = builder.AddPlatformSecret(infrastructure, "capture-buffer-key");

        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WithEnvironment("Gateway__Upstream__BaseUrl", upstreamBaseUrl)
            .WithEnvironment("Gateway__Upstream__ApiKey", upstreamApiKey)
            .WithEnvironment("Gateway__CaptureBuffer__EncryptionKey", bufferKey);
        if (infrastructure.State is { } state)
        {
            gateway.WithEnvironment("Gateway__CaptureBuffer__Directory", state.Folder("gateway-capture-buffer"));
        }

        return gateway;
    }
}
