namespace SlmPlatform.Contracts;

/// <summary>
/// Calls a tenant has erased (<c>POST /api/erasures</c> on the calls service, which owns the request and has deleted
/// them from its own tables before this is published). Every service that keeps anything derived from calls deletes
/// it and answers <see cref="ErasureCompleted"/> for the part. An erasure of many calls comes in parts of at most
/// <see cref="MaxCallIds"/> ids (<see cref="Part"/> of <see cref="Parts"/>, from 1); the event id is derived from the
/// erasure and the part, so a part published again is dropped as a duplicate, and deleting twice deletes nothing more.
/// An erasure of the whole tenant ends with a part that names no calls and has <see cref="WholeTenant"/> set: each
/// service then deletes everything it keeps of the tenant (tasks, topics, routes, datasets, jobs, models, specialists),
/// whatever order the parts arrive in.
/// </summary>
public sealed record CallsErased(
    Guid EventId, string TenantId, Guid ErasureId, int Part, int Parts, IReadOnlyList<string> CallIds, DateTimeOffset RequestedAt, bool WholeTenant = false)
{
    public const int MaxCallIds = 1000;
}
