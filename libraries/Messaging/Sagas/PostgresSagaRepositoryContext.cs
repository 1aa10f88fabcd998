using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace SlmPlatform.Messaging.Sagas;

/// <summary>The state machine's view of one message's <see cref="PostgresSagaTransaction{TSaga}"/>.</summary>
public sealed class PostgresSagaRepositoryContext<TSaga, TMessage>(
    PostgresSagaTransaction<TSaga> transaction, ConsumeContext<TMessage> received, ISagaConsumeContextFactory<PostgresSagaTransaction<TSaga>, TSaga> factory)
    : ConsumeContextScope<TMessage>(received, transaction), SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(transaction, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(transaction, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        await transaction.SaveAsync(instance, CancellationToken);
        return await factory.CreateSagaConsumeContext(transaction, this, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId) =>
        await transaction.LockAndLoadAsync(correlationId, CancellationToken) is { } instance
            ? await factory.CreateSagaConsumeContext(transaction, this, instance, SagaConsumeContextMode.Load)
            : null;

    public Task Save(SagaConsumeContext<TSaga> context) => transaction.SaveAsync(context.Saga, CancellationToken);

    public Task Update(SagaConsumeContext<TSaga> context) => transaction.SaveAsync(context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) => transaction.DeleteAsync(context.Saga, CancellationToken);

    // Nothing was written for a discarded or undone instance: the transaction's rollback covers the rest.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}
