using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts.Http;

/// <summary>
/// The specialist a task's calls go to, how (<see cref="Mode"/>; a canary's <see cref="Share"/> of the calls), the share
/// of its answers also asked of the teacher to measure agreement (<see cref="Sample"/>), the check its answers must pass,
/// and the confidence below which the teacher answers instead (<see cref="Threshold"/>; null: it answers every call).
/// </summary>
public sealed record TaskSpecialist(Guid ModelId, string Mode, OutputCheck Check, DateTimeOffset PromotedAt, double? Share, double Sample, double? Threshold = null)
{
    /// <summary>The gateways' comparison counters for the task on the promotion's day, at the moment of the promotion.</summary>
    [JsonIgnore]
    public (long Compared, long Agreed) OnlineBefore { get; init; }

    /// <summary>The task's calls when the specialist was promoted.</summary>
    [JsonIgnore]
    public long CallsAtPromotion { get; init; }

    /// <summary>The gateways' route for it: a full route serves every call, a shadow route none, a canary its share.</summary>
    public SpecialistRoute RouteFor(Guid taskId, int version) => new(taskId, ModelId, Mode, Check, version, ShareOf(Mode, Share), Sample, Threshold);

    public static double ShareOf(string mode, double? share) => mode switch
    {
        RouteModes.Canary => share ?? RouteModes.DefaultShare,
        RouteModes.Shadow => 0,
        _ => 1,
    };
}
