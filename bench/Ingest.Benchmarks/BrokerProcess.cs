namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// Finds the RabbitMQ node that eng/test-servers.sh started for this run (an Erlang <c>beam.smp</c> started with
/// <c>RABBITMQ_NODE_PORT</c> set to the AMQP port), so that the broker's CPU can be told apart from other work on the
/// machine.
/// </summary>
internal static class BrokerProcess
{
    public static Process? Find(string amqpUri)
    {
        var port = $"\0RABBITMQ_NODE_PORT={new Uri(amqpUri).Port}\0";
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("beam.smp", StringComparison.Ordinal)
                    && ("\0" + File.ReadAllText(Path.Combine(directory, "environ"))).Contains(port, StringComparison.Ordinal))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone, or not ours to read.
            }
        }

        return null;
    }
}
