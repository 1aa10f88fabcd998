using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Specialists.Artifacts;

/// <summary>One trained member of a classifier head: its input standardiser and its weights.</summary>
public sealed record HeadMember(Standardiser Standardiser, float[] Parameters);
