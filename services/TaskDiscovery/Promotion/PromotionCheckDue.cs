namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Task discovery's own message to a task's promotion: its online figures or its calls may have moved, look again.
/// Published when a routing tally is stored and, for every served task, by <see cref="PromotionCheckSweeper"/>.
/// </summary>
public sealed record PromotionCheckDue(string TenantId, Guid TaskId);
