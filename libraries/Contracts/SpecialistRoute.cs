namespace SlmPlatform.Contracts;

/// <summary>How a promoted task's calls are served.</summary>
public static class RouteModes
{
    /// <summary>The specialist answers; an answer that fails the check falls back to the teacher in the same request.</summary>
    public const string Full = "full";

    /// <summary>
    /// The teacher answers as if there were no route; the specialist is asked beside it, off the caller's path, and the
    /// two answers are compared — how a specialist earns its promotion on real traffic without touching a caller.
    /// </summary>
    public const string Shadow = "shadow";

    /// <summary>A fixed share of the calls is served as in <see cref="Full"/>; the rest go to the teacher.</summary>
    public const string Canary = "canary";

    /// <summary>The canary's share when the promotion names none.</summary>
    public const double DefaultShare = 0.1;

    /// <summary>The share of specialist-answered calls also asked of the teacher, for online agreement, when none is named.</summary>
    public const double DefaultSample = 0.05;

    public static bool IsKnown(string mode) => mode is Full or Shadow or Canary;
}

/// <summary>
/// A route: the task, the specialist (a serving model id) that answers its calls, the check its answers must pass, and
/// how: <see cref="Mode"/>, the share of calls a canary serves (<see cref="Share"/>, 1 in full mode), and the share of
/// the specialist's answers also asked of the teacher to measure agreement (<see cref="Sample"/>). With a
/// <see cref="Threshold"/> the specialist answers a call only when it says it is at least that sure of its answer, and the
/// teacher answers the rest (selective routing); without one it answers every call it is sent. Routes written before
/// shares existed read as full routes that sample at the default rate.
/// </summary>
public sealed record SpecialistRoute(
    Guid TaskId, Guid ModelId, string Mode, OutputCheck Check, int Version, double Share = 1, double Sample = RouteModes.DefaultSample, double? Threshold = null)
{
    /// <summary>Whether the specialist answers a call it gave this confidence for (none said: only without a threshold).</summary>
    public bool Answers(double? confidence) => Threshold is not { } threshold || confidence >= threshold;
}
