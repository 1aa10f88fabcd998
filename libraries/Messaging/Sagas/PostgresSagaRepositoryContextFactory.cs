using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace SlmPlatform.Messaging.Sagas;

/// <summary>
/// Runs each message for a saga inside its own <see cref="PostgresSagaTransaction{TSaga}"/>: the instance is locked,
/// loaded, changed by the state machine and saved, and the transaction commits only when the state machine's work
/// succeeded; a failure rolls it back and the message is retried. Instances are found by correlation id only.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    NpgsqlDataSource dataSource, PostgresSagaOptions<TSaga> options, ISagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await using var transaction = await BeginAsync(context.CancellationToken);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(transaction, context, factory);
        await next.Send(repositoryContext);
        await transaction.CommitAsync(context.CancellationToken);
    }

    private async Task<PostgresSagaTransaction<TSaga>> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            return new PostgresSagaTransaction<TSaga>(connection, transaction, options.Table);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"Saga {typeof(TSaga).Name} is kept in PostgreSQL and found by correlation id only; correlate {typeof(T).Name} by id.");
}
