namespace SlmPlatform.Contracts;

/// <summary>
/// A captured call the scrubber could not store after its retries (the database away longer than they last, a fault
/// in scrubbing): the raw <see cref="CallCaptured"/> sealed with AES-GCM under a key only the scrubber holds, so that
/// nothing raw is parked in clear. <see cref="Reason"/> is the failure's type, never its message (which may quote the
/// call). Consumed by the scrubber itself into its parked-calls table, from where an operator lists and replays it.
/// </summary>
public sealed record CallParked(Guid EventId, string TenantId, string CallId, DateTimeOffset ParkedAt, string Reason, byte[] Sealed);
