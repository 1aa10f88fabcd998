using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlmPlatform.AppHost.Extensions;

/// <summary>Healthy when something accepts connections on the loopback port: a server that has bound it.</summary>
internal sealed class TcpListenerHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException)
        {
            return HealthCheckResult.Unhealthy($"Nothing listens on 127.0.0.1:{port} yet.");
        }
    }
}
