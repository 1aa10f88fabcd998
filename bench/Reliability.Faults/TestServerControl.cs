namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// Stops, pauses and restarts the throw-away servers that eng/test-servers.sh started: each has a start script
/// (<c>&lt;name&gt;.sh</c>, which execs the server) and a pid file in <c>SLM_TEST_SERVERS_DIR</c>.
/// </summary>
internal sealed class TestServerControl
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;

    private TestServerControl(string directory) => _directory = directory;

    public static TestServerControl FromEnvironment() =>
        Environment.GetEnvironmentVariable("SLM_TEST_SERVERS_DIR") is { Length: > 0 } directory && Directory.Exists(directory)
            ? new TestServerControl(directory)
            : throw new InvalidOperationException(
                "SLM_TEST_SERVERS_DIR is not set: the fault suite stops and restarts the servers eng/test-servers.sh starts; run bench/run-fault-suite.sh.");

    /// <summary>
    /// Stops <paramref name="server"/> with <paramref name="signal"/> (TERM: a clean shutdown; for PostgreSQL QUIT is
    /// its immediate mode, a crash that needs recovery on start; KILL: as the OOM killer does) and waits until it is gone.
    /// </summary>
    public async Task StopAsync(TestServer server, string signal, CancellationToken cancellationToken)
    {
        var pid = Pid(server);
        await SignalAsync(pid, signal, cancellationToken);
        var deadline = Stopwatch.GetTimestamp() + (long)(StopTimeout.TotalSeconds * Stopwatch.Frequency);
        while (IsRunning(pid))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{server} (pid {pid}) did not stop within {StopTimeout.TotalSeconds} s of SIG{signal}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// Kills <paramref name="server"/> and every process it started with SIGKILL, as the OOM killer or a lost host
    /// would (RabbitMQ's start script runs the Erlang VM as a child: killing the script alone leaves the broker up).
    /// </summary>
    public async Task KillAsync(TestServer server, CancellationToken cancellationToken)
    {
        var pid = Pid(server);
        var tree = Descendants(pid);
        tree.Insert(0, pid);
        foreach (var process in tree)
        {
            await SignalAsync(process, "KILL", cancellationToken);
        }

        while (tree.Any(IsRunning))
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    private static List<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": the command may hold spaces and parentheses, so read after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (int.TryParse(Path.GetFileName(Path.GetDirectoryName(stat)), out var child) && int.TryParse(fields[1], out var parent))
            {
                (parents.TryGetValue(parent, out var children) ? children : parents[parent] = []).Add(child);
            }
        }

        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in parents.GetValueOrDefault(next, []))
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Starts <paramref name="server"/> again from its script; it keeps its data, port and credentials.</summary>
    public void Start(TestServer server)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_directory, $"{Name(server)}.sh")]) { UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{server} did not start.");
        File.WriteAllText(PidFile(server), process.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Freezes the server (SIGSTOP): its connections stay open and nothing answers, as on a stalled host.</summary>
    public Task PauseAsync(TestServer server, CancellationToken cancellationToken) => SignalAsync(Pid(server), "STOP", cancellationToken);

    public Task ResumeAsync(TestServer server, CancellationToken cancellationToken) => SignalAsync(Pid(server), "CONT", cancellationToken);

    private static async Task SignalAsync(int pid, string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync(cancellationToken);
    }

    private static bool IsRunning(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private int Pid(TestServer server) => int.Parse(File.ReadAllText(PidFile(server)).Trim(), CultureInfo.InvariantCulture);

    private string PidFile(TestServer server) => Path.Combine(_directory, $"{Name(server)}.pid");

    private static string Name(TestServer server) => server.ToString().ToLowerInvariant();
}

internal enum TestServer
{
    Postgres,
    Redis,
    RabbitMQ,
}
