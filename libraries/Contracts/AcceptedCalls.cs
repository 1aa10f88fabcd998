namespace SlmPlatform.Contracts;

/// <summary>
/// Ingest's note of each call it has accepted (RabbitMQ confirmed it), kept in Redis for <see cref="Kept"/> under
/// <see cref="Key"/> with the time of acceptance (Unix milliseconds), so the calls API can tell an id that is on its way
/// to the store from one it was never sent. Ingest writes the notes; the calls API only reads them.
/// </summary>
public static class AcceptedCalls
{
    /// <summary>Long enough for any backlog the scrubber drains; a call not stored by then is parked or lost, and says so elsewhere.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    public static string Key(string tenantId, string callId) => $"slm:accepted:{tenantId}:{callId}";
}
