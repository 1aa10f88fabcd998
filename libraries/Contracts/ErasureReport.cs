namespace SlmPlatform.Contracts;

public static class ErasureReport
{
    /// <summary>A service's report on one part of an erasure, under an event id derived from the erasure, the part and the service.</summary>
    public static ErasureCompleted Completed(CallsErased erased, string service, IReadOnlyDictionary<string, long> deleted, DateTimeOffset at) =>
        new(
            DeterministicId.Create("erasure-completed", erased.ErasureId.ToString(), erased.Part.ToString(System.Globalization.CultureInfo.InvariantCulture), service),
            erased.TenantId, erased.ErasureId, erased.Part, service, deleted, at);

    /// <summary>The event id of an erasure's part, the same however often it is published.</summary>
    public static Guid PartEventId(Guid erasureId, int part) =>
        DeterministicId.Create("calls-erased", erasureId.ToString(), part.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
