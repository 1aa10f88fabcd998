namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>
/// A request to route a task's calls to a trained specialist: <c>mode</c> full (the default), shadow or canary; a
/// canary's <c>share</c> of the calls (default 0.1); the <c>sample</c> of answered calls also asked of the teacher (default 0.05);
/// the <c>threshold</c> of confidence below which the teacher answers instead (default none: the specialist answers all).
/// </summary>
public sealed record SpecialistPromotion(Guid? ModelId, string? Mode, double? Share = null, double? Sample = null, double? Threshold = null);
