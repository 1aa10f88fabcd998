namespace SlmPlatform.Routing;

/// <summary>How a promoted task's calls are served.</summary>
public static class RouteModes
{
    /// <summary>The specialist answers; an answer that fails the check falls back to the teacher in the same request.</summary>
    public const string Full = "full";
}

/// <summary>A route: the task, the specialist (a serving model id) that answers its calls, and the check its answers must pass.</summary>
public sealed record SpecialistRoute(Guid TaskId, Guid ModelId, string Mode, OutputCheck Check, int Version);
