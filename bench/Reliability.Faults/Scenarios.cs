using SlmPlatform.Testing;

namespace SlmPlatform.Reliability.Faults;

/// <summary>Every fault the suite knows, in the order it runs them.</summary>
internal static class Scenarios
{
    private static readonly Task Done = Task.CompletedTask;

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("none", "no fault (the baseline)", TimeSpan.Zero, (_, _) => Done, (_, _) => Done),
        Kill(FaultPlatform.Ingest),
        Kill(FaultPlatform.Scrubber),
        Kill(FaultPlatform.Gateway),
        Kill(FaultPlatform.Tasks) with { FilesCalls = true },
        Kill(FaultPlatform.Serving) with
        {
            Serves = true,
            Description = "kill -9 of serving while a specialist answers the gateway's calls (routed in full), started again 3 s later",
        },
        Kill(FaultPlatform.Training) with
        {
            Trains = true,
            Description = "kill -9 of training mid-job (a classifier head on 150 captured calls), started again 3 s later",
        },
        new("rabbitmq-restart", "RabbitMQ stopped for 10 s and started again", TimeSpan.FromSeconds(10),
            (f, token) => f.Servers.StopAsync(TestServer.RabbitMQ, "TERM", token),
            (f, _) => Started(f, TestServer.RabbitMQ)),
        new("rabbitmq-kill", "RabbitMQ killed (kill -9 of the broker and its Erlang VM), started again 3 s later", TimeSpan.FromSeconds(3),
            (f, token) => f.Servers.KillAsync(TestServer.RabbitMQ, token),
            (f, _) => Started(f, TestServer.RabbitMQ)),
        PostgresDown(TimeSpan.FromSeconds(5)),
        PostgresDown(TimeSpan.FromSeconds(120)),
        new("redis-down", "Redis shut down for 10 s (and back empty)", TimeSpan.FromSeconds(10),
            (f, token) => f.Servers.StopAsync(TestServer.Redis, "TERM", token),
            (f, _) => Started(f, TestServer.Redis)),
        new("redis-paused", "Redis frozen (SIGSTOP) for 10 s: connections open, nothing answers", TimeSpan.FromSeconds(10),
            (f, token) => f.Servers.PauseAsync(TestServer.Redis, token),
            (f, token) => f.Servers.ResumeAsync(TestServer.Redis, token)),
        new("partition", "every service cut off from PostgreSQL and RabbitMQ for 15 s (TCP proxies drop every connection and refuse new ones)",
            TimeSpan.FromSeconds(15),
            (f, _) =>
            {
                f.Platform.PostgresProxy.Cut();
                f.Platform.RabbitProxy.Cut();
                return Done;
            },
            (f, _) =>
            {
                f.Platform.PostgresProxy.Restore();
                f.Platform.RabbitProxy.Restore();
                return Done;
            }),
        new("redis-slow", "Redis slowed: every reply 300 ms late for 15 s (a proxy delays each way)", TimeSpan.FromSeconds(15),
            (f, _) => Do(() => f.Platform.RedisProxy.Delay(TimeSpan.FromMilliseconds(150))),
            (f, _) => Do(() => f.Platform.RedisProxy.Delay(TimeSpan.Zero))),
        new("partition-silent",
            "every service cut off from PostgreSQL, RabbitMQ and Redis for 15 s by a partition that drops packets (connections stay open, nothing arrives)",
            TimeSpan.FromSeconds(15),
            (f, _) => Do(() => Proxies(f).ForEach(proxy => proxy.Hold())),
            (f, _) => Do(() => Proxies(f).ForEach(proxy => proxy.Flow()))),
        new("disk-full", "the disk under the gateway's capture buffer full for 10 s", TimeSpan.FromSeconds(10),
            (f, _) => Do(() => f.Platform.CaptureDisk!.Fill()),
            (f, _) => Do(() => f.Platform.CaptureDisk!.Free()))
        {
            CaptureDiskBytes = 64L * 1024 * 1024,
        },
        new("poison", "agents' calls with U+0000 and lone surrogates in their text, and bodies nested past the limit, mixed into the gateway's load for 15 s",
            TimeSpan.FromSeconds(15),
            (f, _) => Do(() => f.Load.Poisoned = true),
            (f, _) => Do(() => f.Load.Poisoned = false)),
        CpuStarvation(TimeSpan.FromSeconds(20)),
    ];

    private static Task Do(Action fault)
    {
        fault();
        return Done;
    }

    private static List<TcpProxy> Proxies(FaultContext fault) => [fault.Platform.PostgresProxy, fault.Platform.RabbitProxy, fault.Platform.RedisProxy];

    private static Scenario Kill(string service) => new(
        $"kill-{service}", $"kill -9 of {service}, started again 3 s later", TimeSpan.FromSeconds(3),
        (f, _) => f.Platform.KillAsync(service),
        (f, token) => f.Platform.RestartAsync(service, token));

    // QUIT is PostgreSQL's immediate shutdown: no checkpoint, so it starts with crash recovery (fsync is on in this run).
    private static Scenario PostgresDown(TimeSpan hold) => new(
        $"postgres-{hold.TotalSeconds:0}s", $"PostgreSQL stopped (immediate shutdown) for {hold.TotalSeconds:0} s", hold,
        (f, token) => f.Servers.StopAsync(TestServer.Postgres, "QUIT", token),
        (f, _) => Started(f, TestServer.Postgres));

    private static Task Started(FaultContext fault, TestServer server)
    {
        fault.Servers.Start(server);
        return Done;
    }

    private static Scenario CpuStarvation(TimeSpan hold)
    {
        var spinners = new List<Process>();
        return new(
            "cpu-starvation", $"{2 * Environment.ProcessorCount} busy loops beside the services for {hold.TotalSeconds:0} s", hold,
            (_, _) =>
            {
                for (var i = 0; i < 2 * Environment.ProcessorCount; i++)
                {
                    spinners.Add(Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })!);
                }

                return Done;
            },
            async (_, token) =>
            {
                foreach (var spinner in spinners)
                {
                    spinner.Kill();
                    await spinner.WaitForExitAsync(token);
                    spinner.Dispose();
                }

                spinners.Clear();
            });
    }
}
