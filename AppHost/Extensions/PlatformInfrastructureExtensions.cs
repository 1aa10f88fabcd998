namespace SlmPlatform.AppHost.Extensions;

public static class PlatformInfrastructureExtensions
{
    /// <summary>
    /// Adds PostgreSQL (with the <c>platformdb</c>, <c>callsdb</c>, <c>tasksdb</c> and <c>trainingdb</c> databases), Redis (<c>cache</c>) and RabbitMQ
    /// (<c>messaging</c>) in the mode that <c>Infrastructure:Mode</c> selects: containers where a container runtime
    /// answers, otherwise the machine's own servers started as executables.
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var (mode, reason) = InfrastructureModeDetector.Resolve(builder);
        if (!builder.ExecutionContext.IsPublishMode)
        {
            Console.WriteLine($"Infrastructure: {mode.ToString().ToLowerInvariant()} mode ({reason}); set {InfrastructureModeDetector.ConfigurationKey} to containers or local to choose.");
        }

        return mode switch
        {
            InfrastructureMode.Containers => builder.AddContainerInfrastructure(),
            _ => builder.AddLocalInfrastructure(),
        };
    }
}
