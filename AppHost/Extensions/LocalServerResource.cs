namespace SlmPlatform.AppHost.Extensions;

/// <summary>A server binary of the machine, run by the AppHost, that services reach through a connection string.</summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;
}
