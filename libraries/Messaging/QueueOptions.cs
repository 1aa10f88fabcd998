namespace SlmPlatform.Messaging;

/// <summary>How the services declare their queues (<c>Messaging:Queues</c>).</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Messaging:Queues";
    public const string Classic = "classic";
    public const string Quorum = "quorum";

    /// <summary>
    /// <c>classic</c> (the default: one node, as local mode runs, and the type every existing install's queues already
    /// have, since a declared queue cannot change type) or <c>quorum</c> (replicated over a cluster's nodes, with
    /// <see cref="DeliveryLimit"/>); a cluster is set up with quorum from its first start.
    /// </summary>
    public string Type { get; set; } = Classic;

    /// <summary>
    /// With quorum queues: how often one message may be returned unsettled before the broker moves it to the
    /// queue's <c>_error</c> queue. It ends the loop of a message that kills its consumer's process on every delivery, which
    /// no retry inside the process sees; a consumer whose messages must never be parked raw takes its last delivery
    /// itself (<see cref="DeliveryLimits.IsLastDelivery"/>).
    /// </summary>
    public int DeliveryLimit { get; set; } = 20;

    internal void Validate()
    {
        if (Type is not (Classic or Quorum))
        {
            throw new InvalidOperationException($"{SectionName}:Type must be '{Classic}' or '{Quorum}', not '{Type}'.");
        }

        if (DeliveryLimit is < 2 or > 1000)
        {
            throw new InvalidOperationException($"{SectionName}:DeliveryLimit is a whole number from 2 to 1000, not {DeliveryLimit}.");
        }
    }
}
