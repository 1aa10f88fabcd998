namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>An upstream's server-sent event (or a line of it) outgrew what the gateway holds to relay one event whole.</summary>
public sealed class EventTooLargeException(int limit) : Exception($"An upstream event was longer than {limit} bytes.")
{
    public int Limit { get; } = limit;
}
