namespace SlmPlatform.Reliability.Faults;

/// <summary>Asks again until an answer comes (a non-null value), or gives up naming what it waited for.</summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> read, TimeSpan timeout, CancellationToken cancellationToken)
        where T : struct
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
