using System.Diagnostics;

namespace SlmPlatform.AppHost.Extensions;

/// <summary>How the AppHost provides PostgreSQL, Redis and RabbitMQ.</summary>
public enum InfrastructureMode
{
    /// <summary>Aspire's container resources (and, when published, the cloud's managed equivalents).</summary>
    Containers,

    /// <summary>The machine's own server binaries run as executable resources, for machines without a container runtime.</summary>
    Local,
}

internal static class InfrastructureModeDetector
{
    public const string ConfigurationKey = "Infrastructure:Mode";

    /// <summary>
    /// Reads <c>Infrastructure:Mode</c> (<c>containers</c>, <c>local</c> or <c>auto</c>, the default), and says why
    /// that mode. Publishing always describes the container shape; <c>auto</c> picks containers only when a container
    /// runtime answers.
    /// </summary>
    public static (InfrastructureMode Mode, string Reason) Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return (InfrastructureMode.Containers, "publishing describes the container shape");
        }

        var configured = builder.Configuration[ConfigurationKey];
        return configured?.ToLowerInvariant() switch
        {
            null or "" or "auto" => ContainerRuntimeAnswers()
                ? (InfrastructureMode.Containers, $"{ConfigurationKey} is auto and a container runtime answered")
                : (InfrastructureMode.Local, $"{ConfigurationKey} is auto and no container runtime (docker, podman) answered"),
            "containers" => (InfrastructureMode.Containers, $"{ConfigurationKey}=containers"),
            "local" => (InfrastructureMode.Local, $"{ConfigurationKey}=local"),
            _ => throw new InvalidOperationException($"{ConfigurationKey} must be 'auto', 'containers' or 'local', not '{configured}'."),
        };
    }

    // A docker or podman client alone is not enough: 'info' succeeds only when an engine is running behind it.
    private static bool ContainerRuntimeAnswers() =>
        new[] { Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME"), "docker", "podman" }
            .Where(runtime => !string.IsNullOrEmpty(runtime))
            .Any(runtime => Answers(runtime!));

    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
