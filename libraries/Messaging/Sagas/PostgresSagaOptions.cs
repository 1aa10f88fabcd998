using MassTransit;

namespace SlmPlatform.Messaging.Sagas;

/// <summary>Where a saga's instances live: a table <c>(correlation_id uuid primary key, data jsonb not null,
/// updated_at timestamptz not null)</c>, created by the owning service's schema.</summary>
public sealed record PostgresSagaOptions<TSaga>(string Table)
    where TSaga : class, ISaga;
