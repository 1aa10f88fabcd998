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
        var mode = InfrastructureModeDetector.Resolve(builder);
        return mode switch
        {
            InfrastructureMode.Containers => builder.AddContainerInfrastructure(),
            _ => builder.AddLocalInfrastructure(),
        };
    }
}
