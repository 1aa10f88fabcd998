namespace SlmPlatform.Contracts;

/// <summary>A new recurring task (a call site) was found. <see cref="EventId"/> is derived from the task, so it is the same on redelivery.</summary>
public sealed record TaskDiscovered(Guid EventId, string TenantId, Guid TaskId, string Name, string Agent, string? Workload, string OutputKind);
