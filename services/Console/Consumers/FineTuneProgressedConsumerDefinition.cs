using MassTransit;

namespace SlmPlatform.Console.Consumers;

/// <summary>
/// A queue of each console process's own, deleted when it stops: every process must see every epoch, for the pages
/// open in it, and an epoch nobody watched is not worth keeping (the job's row holds its progress).
/// </summary>
public sealed class FineTuneProgressedConsumerDefinition : ConsumerDefinition<FineTuneProgressedConsumer>
{
    public FineTuneProgressedConsumerDefinition() =>
        Endpoint(endpoint =>
        {
            endpoint.Name = "console-progress";
            endpoint.Temporary = true;
        });
}
