using MassTransit;
using SlmPlatform.Scrubber.Infrastructure;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>Keeps each service's report of an erasure's part, for <c>GET /api/erasures/{id}</c>.</summary>
public sealed class ErasureCompletedConsumer(ErasureStore erasures) : IConsumer<ErasureCompleted>
{
    public Task Consume(ConsumeContext<ErasureCompleted> context) => erasures.AddReportAsync(context.Message, context.CancellationToken);
}
