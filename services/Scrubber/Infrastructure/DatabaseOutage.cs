using Npgsql;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>Tells a database that is away (stopped, restarting, unreachable) from a call that cannot be stored.</summary>
public static class DatabaseOutage
{
    /// <summary>
    /// True for what Npgsql calls transient — a refused or broken connection, a timeout, a server shutting down or
    /// starting up, too many connections, a serialization failure — anywhere in the chain of causes.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
