using MassTransit;
using SlmPlatform.Contracts;

namespace SlmPlatform.Messaging.Erasure;

/// <summary>Erases what the service derived from the erased calls and reports it to the calls service.</summary>
public sealed class CallsErasedConsumer<TErasure>(TErasure erasure, TimeProvider time) : IConsumer<CallsErased>
    where TErasure : class, ICallErasure
{
    public async Task Consume(ConsumeContext<CallsErased> context)
    {
        var erased = context.Message;
        var deleted = erased.WholeTenant
            ? await erasure.EraseTenantAsync(erased.TenantId, context.CancellationToken)
            : await erasure.EraseAsync(erased.TenantId, erased.CallIds, context.CancellationToken);
        var completed = ErasureReport.Completed(erased, TErasure.Service, deleted, time.GetUtcNow());
        await context.Publish(completed, publish => publish.MessageId = completed.EventId, context.CancellationToken);
    }
}

/// <summary>Retries in place (a database or Redis restart), then the queue's <c>_error</c> queue.</summary>
public sealed class CallsErasedConsumerDefinition<TErasure> : ConsumerDefinition<CallsErasedConsumer<TErasure>>
    where TErasure : class, ICallErasure
{
    public CallsErasedConsumerDefinition()
    {
        EndpointName = TErasure.QueueName;
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallsErasedConsumer<TErasure>> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
}

public static class CallErasureRegistration
{
    /// <summary>The service takes part in erasures: <typeparamref name="TErasure"/> deletes, the consumer reports.</summary>
    public static IBusRegistrationConfigurator AddCallErasure<TErasure>(this IBusRegistrationConfigurator bus)
        where TErasure : class, ICallErasure
    {
        bus.AddConsumer<CallsErasedConsumer<TErasure>>(typeof(CallsErasedConsumerDefinition<TErasure>));
        return bus;
    }
}
