using SlmPlatform.Routing;

namespace SlmPlatform.Tasks.Model;

/// <summary>The specialist a task's calls go to, how, and the check its answers must pass.</summary>
public sealed record TaskSpecialist(Guid ModelId, string Mode, OutputCheck Check, DateTimeOffset PromotedAt);

/// <summary>A request to route a task's calls to a trained specialist.</summary>
public sealed record SpecialistPromotion(Guid? ModelId, string? Mode);
