using System.ComponentModel.DataAnnotations;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// How long a captured call is retried while the calls database is away before it is parked. Under RabbitMQ's
/// consumer timeout (30 minutes by default), past which the broker takes an unsettled message back.
/// </summary>
public sealed class DatabaseOutageOptions
{
    public const string SectionName = "Calls:DatabaseOutage";

    [Range(typeof(TimeSpan), "00:00:00", "00:29:00", ErrorMessage = "Calls:DatabaseOutage:RetryFor must be between 0 and 29 minutes (RabbitMQ's consumer timeout is 30).")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromMinutes(25);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Calls:DatabaseOutage:RetryEvery must be between 1 second and 5 minutes.")]
    public TimeSpan RetryEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The retries that follow the ordinary ones while the database is away, in milliseconds.</summary>
    public int[] RetryIntervals() =>
        [.. Enumerable.Repeat((int)RetryEvery.TotalMilliseconds, (int)(RetryFor / RetryEvery))];
}
