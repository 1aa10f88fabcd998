namespace SlmPlatform.Serving.Model;

/// <summary>
/// A specialist that answers on an Ollama or vLLM server rather than in this process: where (<see cref="Endpoint"/>,
/// the server's base URL) and under which model name (<see cref="ServedName"/>).
/// </summary>
public sealed record ExternalDeployment(string TenantId, Guid ModelId, string Target, string Endpoint, string ServedName, DateTimeOffset DeployedAt);
