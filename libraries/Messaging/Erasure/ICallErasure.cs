using SlmPlatform.Contracts;

namespace SlmPlatform.Messaging.Erasure;

/// <summary>What one service keeps of calls, deleted when they are erased (<see cref="CallsErased"/>).</summary>
public interface ICallErasure
{
    /// <summary>The service's queue for erasures.</summary>
    static abstract string QueueName { get; }

    /// <summary>The service's name in the erasure's report (<c>Erasure:Services</c> on the calls service).</summary>
    static abstract string Service { get; }

    /// <summary>Deletes what the service keeps of the calls; counts by store. Deleting again deletes nothing more.</summary>
    Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything the service keeps of the tenant, what was derived from its calls and what it made besides
    /// (the last part of a whole-tenant erasure); counts by store. Deleting again deletes nothing more.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> EraseTenantAsync(string tenantId, CancellationToken cancellationToken);
}
