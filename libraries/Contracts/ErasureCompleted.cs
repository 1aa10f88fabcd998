namespace SlmPlatform.Contracts;

/// <summary>
/// What one service deleted for one part of an erasure (<see cref="CallsErased"/>): counts by store, e.g.
/// <c>task_calls</c>, <c>call_vectors</c>, <c>dataset_artifacts</c>. The calls service keeps them for the erasure's report.
/// </summary>
public sealed record ErasureCompleted(
    Guid EventId, string TenantId, Guid ErasureId, int Part, string Service, IReadOnlyDictionary<string, long> Deleted, DateTimeOffset CompletedAt);
