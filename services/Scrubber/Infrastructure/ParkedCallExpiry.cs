using Microsoft.Extensions.Options;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>How long parked calls are kept for replay.</summary>
public sealed class ParkedCallOptions
{
    public const string SectionName = "Calls:Parked";

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>Deletes parked calls past their retention, hourly: a raw call, even sealed, is not kept for ever.</summary>
public sealed partial class ParkedCallExpiry(ParkedCallStore parked, IOptions<ParkedCallOptions> options, TimeProvider time, ILogger<ParkedCallExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                if (await parked.ExpireAsync(time.GetUtcNow() - options.Value.Retention, stoppingToken) is > 0 and var expired)
                {
                    LogExpired(expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} parked calls passed their retention without a replay and were deleted")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked calls not expired this hour; the next round tries again")]
    private partial void LogFailed(Exception exception);
}
