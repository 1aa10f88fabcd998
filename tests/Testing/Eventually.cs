namespace SlmPlatform.Testing;

/// <summary>
/// The one way tests wait for something that happens in the background: read until the reading says it is done, or
/// the time is up, and hand back the last reading so that the test's own assertion says what was seen instead.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="timeout"/> passes; the last value read.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(interval ?? DefaultInterval, cancellationToken);
        }
    }

    /// <summary>Reads until <paramref name="read"/> gives something, or null once <paramref name="timeout"/> passes.</summary>
    public static Task<T?> FindAsync<T>(Func<Task<T?>> read, TimeSpan timeout, CancellationToken cancellationToken, TimeSpan? interval = null)
        where T : class =>
        ReadAsync(read, found => found is not null, timeout, cancellationToken, interval);
}
