using MassTransit;
using SlmPlatform.Console.Infrastructure;

namespace SlmPlatform.Console.Consumers;

/// <summary>Hands each epoch training announces to the open training pages, which redraw their progress bars.</summary>
public sealed class FineTuneProgressedConsumer(JobProgressFeed feed) : IConsumer<FineTuneProgressed>
{
    public Task Consume(ConsumeContext<FineTuneProgressed> context)
    {
        feed.Publish(context.Message);
        return Task.CompletedTask;
    }
}
