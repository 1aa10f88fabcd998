using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlmPlatform.Messaging.Sagas;

public static class PostgresSagaRepositoryExtensions
{
    /// <summary>
    /// Keeps the saga's instances in PostgreSQL (the service's registered <see cref="Npgsql.NpgsqlDataSource"/>), one
    /// message at a time per instance across every replica.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator, string table)
        where TSaga : class, ISaga, SagaStateMachineInstance
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        configurator.Repository(repository =>
        {
            repository.TryAddSingleton(new PostgresSagaOptions<TSaga>(table));
            repository.RegisterSagaRepository<TSaga, PostgresSagaTransaction<TSaga>, SagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga>,
                PostgresSagaRepositoryContextFactory<TSaga>>();
        });
        return configurator;
    }
}
