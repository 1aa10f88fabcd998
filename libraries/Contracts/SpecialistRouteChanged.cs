namespace SlmPlatform.Contracts;

/// <summary>
/// The specialist in front of a task changed: task discovery publishes the task's whole routing state — every route
/// key its calls came with and the route (null: its calls go back to the teacher) — and the gateway, the only writer of
/// its routing table, applies it. <see cref="Version"/> is the task's change count: a gateway applies a change only if
/// it is at least as new as what it holds, and at the same version only adds keys (a promoted task that met a new
/// prompt), so redelivered or reordered changes never undo a newer one. Carries route keys (HMACs and workload tags) and
/// label names, no call text.
/// </summary>
public sealed record SpecialistRouteChanged(
    Guid EventId,
    string TenantId,
    Guid TaskId,
    int Version,
    IReadOnlyList<string> RouteKeys,
    SpecialistRoute? Route,
    DateTimeOffset ChangedAt);
