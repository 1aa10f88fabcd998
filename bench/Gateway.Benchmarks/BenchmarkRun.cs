using System.Security.Cryptography;
using SlmPlatform.Testing;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// One run: sets up a platform database with an API key, a virtual host with a capture sink, the stand-in upstream
/// and in front of it the peers (a minimal YARP relay, Portkey's gateway where installed) and this gateway three ways
/// (capture off, capture on, capture on with a routing table of other tasks); checks what each path answers against
/// the upstream's bytes; then, for each scenario, measures every path back to back, so that every ratio compares
/// figures taken moments apart on the same machine.
/// </summary>
internal static class BenchmarkRun
{
    private const string TenantId = "tenant-gateway-benchmark";

    public static async Task<BenchmarkResults> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine("Setting up a platform database with an API key, a virtual host and the capture sink...");
        var messaging = await TestVirtualHost.CreateAsync(cancellationToken);
        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, cancellationToken);
        await CaptureSink.DeclareAsync(messaging, options.SinkMaxLength, cancellationToken);

        var buffers = new List<DirectoryInfo>();
        var hosts = new List<ServiceHost>();
        try
        {
            progress.WriteLine("Starting the upstream, the peers and the gateway (capture off, capture on, capture on with routes)...");
            var upstream = await ServiceHost.StartAsync(
                token => ServiceProcess.StartAsync(
                    "The upstream", typeof(BenchmarkRun).Assembly.Location, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
                    token, LocalUpstream.ServeOption),
                cancellationToken);
            hosts.Add(upstream);
            var upstreamBaseUrl = new Uri(upstream.Current.BaseAddress, "v1").ToString();

            async Task<ServiceHost> StartAsync(Func<CancellationToken, Task<ServiceProcess>> start)
            {
                var host = await ServiceHost.StartAsync(start, cancellationToken);
                hosts.Add(host);
                return host;
            }

            Task<ServiceHost> StartGatewayAsync(string name, bool capture, IReadOnlyDictionary<string, string?>? routing = null)
            {
                var buffer = Directory.CreateTempSubdirectory("slm-gateway-bench-buffer-");
                buffers.Add(buffer);
                var environment = new Dictionary<string, string?>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["ConnectionStrings__platformdb"] = platformDb,
                    ["ConnectionStrings__messaging"] = messaging,
                    ["Gateway__Upstream__BaseUrl"] = upstreamBaseUrl,
                    ["Gateway__Upstream__ApiKey"] = LocalUpstream.ApiKey,
                    ["Gateway__CaptureEnabled"] = capture ? "true" : "false",
                    // One tenant drives every request here: the per-tenant limit would measure itself, not the relay.
                    ["RateLimits__PermitsPerSecond"] = "0",
                    ["Gateway__CaptureBuffer__Directory"] = buffer.FullName,
                    ["Gateway__CaptureBuffer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                };
                foreach (var (variable, value) in routing ?? new Dictionary<string, string?>())
                {
                    environment[variable] = value;
                }

                foreach (var (variable, value) in options.GatewayEnvironment)
                {
                    environment[variable] = value;
                }

                // A restart keeps the buffer and its key, as a restarted deployment would.
                return StartAsync(token => ServiceProcess.StartAsync($"The {name}", options.GatewayDll, environment, token));
            }

            var targets = new List<Target> { new(PathNames.Direct, LocalUpstream.ApiKey, upstream, IsProxy: false) };
            var yarp = await StartAsync(token => ServiceProcess.StartAsync(
                "The YARP relay", typeof(BenchmarkRun).Assembly.Location,
                new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", [YarpProxy.UpstreamVariable] = upstream.Current.BaseAddress.ToString() },
                token, YarpProxy.ServeOption));
            targets.Add(new Target(PathNames.Yarp, LocalUpstream.ApiKey, yarp, IsProxy: true) { IsPeer = true });
            if (PortkeyGateway.IsInstalledIn(options.PortkeyFolder))
            {
                var portkey = await StartAsync(token => PortkeyGateway.StartAsync(options.PortkeyFolder!, token));
                targets.Add(new Target(PathNames.Portkey, LocalUpstream.ApiKey, portkey, IsProxy: true) { Headers = PortkeyGateway.Headers(upstreamBaseUrl), IsPeer = true });
            }
            else
            {
                progress.WriteLine($"  Portkey's gateway is not installed{(options.PortkeyFolder is null ? string.Empty : $" in {options.PortkeyFolder}")}: its path is left out (bench/run-gateway-benchmark.sh installs it with npm).");
            }

            targets.Add(new Target(PathNames.CaptureOff, apiKey, await StartGatewayAsync("gateway (capture off)", capture: false), IsProxy: true));
            targets.Add(new Target(PathNames.CaptureOn, apiKey, await StartGatewayAsync("gateway (capture on)", capture: true), IsProxy: true, Captures: true));
            if (options.OtherTaskRoutes > 0 && Environment.GetEnvironmentVariable("SLM_TEST_REDIS") is { Length: > 0 } redis)
            {
                var promptSecret = OtherTasksRoutes.NewPromptSecret();
                await OtherTasksRoutes.WriteAsync(redis, TenantId, promptSecret, options.OtherTaskRoutes);
                var routing = new Dictionary<string, string?> { ["ConnectionStrings__cache"] = redis, ["Routing__PromptKey"] = promptSecret };
                targets.Add(new Target(PathNames.Routed, apiKey, await StartGatewayAsync("gateway (capture on, routes)", capture: true, routing), IsProxy: true, Captures: true));
            }
            else
            {
                progress.WriteLine("  No Redis ($SLM_TEST_REDIS) or --routes 0: the path with a routing table is left out.");
            }

            var checks = await PathChecks.CheckPathsAsync(targets[0], targets[1..], progress, cancellationToken);
            if (options.MaxLoad is { } maxLoad)
            {
                await LoadAverage.WaitBelowAsync(maxLoad, TimeSpan.FromMinutes(10), progress, cancellationToken);
            }

            // Read before the run's own load begins: what else the machine was doing.
            var loadAtStart = LoadAverage.Read();

            foreach (var target in targets)
            {
                await PrimeAsync(target, upstream, options, progress, cancellationToken);
            }

            foreach (var target in targets.Where(t => t.Captures))
            {
                await CaptureDrain.WaitUntilIdleAsync(target.Host.Current, cancellationToken);
            }

            var scenarios = new List<ScenarioResult>();
            foreach (var stream in options.Streams)
            {
                foreach (var concurrency in options.Concurrency)
                {
                    progress.WriteLine($"{(stream ? "Streamed" : "Plain")} chat completions, {concurrency} in flight " +
                        $"({options.WarmUp.TotalSeconds} s warm-up, {options.Measured.TotalSeconds} s measured per path):");
                    var scenario = $"{(stream ? "streamed" : "plain")} calls at concurrency {concurrency}";
                    var paths = new List<PathResult>();
                    foreach (var target in targets.Where(t => !t.FailedModes.Contains(stream)))
                    {
                        paths.Add(await MeasureAsync(target, scenario, stream, concurrency, options, upstream, progress, cancellationToken));
                        if (target.Name == PathNames.Direct && !stream && options.CrossCheckWithWrk && WrkCrossCheck.IsAvailable())
                        {
                            var check = await WrkCrossCheck.RunAsync(upstream.Current.BaseAddress, concurrency, options.Measured, cancellationToken);
                            progress.WriteLine($"  {check}");
                            checks.Add($"{scenario}, direct: {check}");
                        }
                    }

                    scenarios.Add(new ScenarioResult(stream, concurrency, paths));
                }
            }

            var loadAtEnd = LoadAverage.Read();
            var captures = await CaptureDrain.AccountForCapturesAsync(messaging, targets.Where(t => t.Captures).Sum(t => t.Calls.Value), progress, cancellationToken);
            foreach (var target in targets.Where(t => t.IsProxy))
            {
                target.Host.CheckExited("the end of the run", progress);
            }

            return new BenchmarkResults(
                scenarios, captures, loadAtStart, loadAtEnd,
                ChatPayloads.Request(stream: false).Length, ChatPayloads.Completion.Length, ChatPayloads.StreamEvents.Length, checks,
                [.. hosts.SelectMany(h => h.Exits)]);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            foreach (var buffer in buffers)
            {
                buffer.Delete(recursive: true);
            }
        }
    }

    private static async Task<PathResult> MeasureAsync(
        Target target,
        string scenario,
        bool stream,
        int concurrency,
        BenchmarkOptions options,
        ServiceHost upstream,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        // The gateways know the upstream by its port, so an upstream that exited ends the run; a gateway is restarted.
        if (upstream.CheckExited($"the idle time before {scenario}", progress))
        {
            throw new InvalidOperationException($"The upstream exited:{Environment.NewLine}{upstream.Current.RecentOutput}");
        }

        if (target.IsProxy && await target.Host.EnsureRunningAsync(scenario, progress, cancellationToken))
        {
            await PrimeAsync(target, upstream, options, progress, cancellationToken);
        }

        var service = target.Host.Current;
        var cpuBefore = service.CpuTime();
        Measurement measurement;
        using (var load = LoadSet.Create(options.Client, service.BaseAddress, target.Bearer, target.Headers, stream, concurrency))
        {
            measurement = await LatencyMeter.RunAsync(
                load.Workers, options.WarmUp, options.Measured, () => CpuSnapshot.Take(upstream.Current, target.IsProxy ? service : null), cancellationToken);
        }

        var latency = stream ? measurement.FirstData : measurement.Total;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {target.Name,-21} {measurement.PerSecond,8:N0}/s  p50 {latency.P50,7:0.000} ms  p99 {latency.P99,7:0.000} ms  " +
            $"cores: client {measurement.Cpu.Client:0.00}, upstream {measurement.Cpu.Upstream:0.00}, gateway {measurement.Cpu.Gateway ?? 0:0.00} " +
            $"(JIT {measurement.Cpu.GatewayJit ?? 0:0.00}), other {measurement.Cpu.Other ?? 0:0.00}; {measurement.Failed} failed"));
        foreach (var (reason, count) in measurement.Failures)
        {
            progress.WriteLine($"    failed in the window: {count} x {reason}");
        }

        foreach (var (reason, count) in measurement.FailuresOutsideWindow)
        {
            progress.WriteLine($"    failed outside the window: {count} x {reason}");
        }

        if (!target.Host.CheckExited($"{scenario} via the {target.Name}", progress) && measurement.Failed > 0)
        {
            progress.WriteLine($"    {service.Name}'s last output:{Environment.NewLine}{service.RecentOutput}");
        }

        upstream.CheckExited($"{scenario} via the {target.Name}", progress);

        // What a capturing gateway still owes the broker must not run into the next window; and the CPU it spends on
        // that belongs to the calls just made. So: CPU from the warm-up's start until idle, over every call completed.
        TimeSpan? drain = null;
        if (target.Captures)
        {
            drain = await CaptureDrain.WaitUntilIdleAsync(service, cancellationToken);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  the capturing gateway was busy {drain.Value.TotalSeconds:0.0} s after its window{(drain >= CaptureDrain.DrainLimit ? " (the limit: it may not have caught up)" : string.Empty)}"));
        }

        double? allInMicroseconds = target.IsProxy && service.CpuTime() is { } cpuAfter && cpuBefore is { } before && measurement.SucceededOverall > 0
            ? (cpuAfter - before).TotalMicroseconds / measurement.SucceededOverall
            : null;

        target.Calls.Value += measurement.SucceededOverall;
        return new PathResult(target.Name, measurement, drain, allInMicroseconds);
    }

    /// <summary>
    /// Sends plain and streamed calls (alternately, a second each, 16 in flight) until the service's tiered
    /// compilation has been quiet for two seconds running, or for at most <see cref="BenchmarkOptions.Prime"/>: a
    /// gateway runs for days, so its steady state, not its first seconds of JIT, is what is measured.
    /// </summary>
    private static async Task PrimeAsync(Target target, ServiceHost upstream, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.Prime <= TimeSpan.Zero)
        {
            return;
        }

        var modes = options.Streams.Where(m => !target.FailedModes.Contains(m)).ToList();
        if (modes.Count == 0)
        {
            return;
        }

        var service = target.Host.Current;
        var started = Stopwatch.GetTimestamp();
        var (rounds, quiet, jit, calls) = (0, 0, 0.0, 0L);
        while (Stopwatch.GetElapsedTime(started) < options.Prime && (rounds < 4 || quiet < 2))
        {
            var stream = modes[rounds % modes.Count];
            using var load = LoadSet.Create(options.Client, service.BaseAddress, target.Bearer, target.Headers, stream, concurrency: 16);
            var compiled = service.TieredCompilationCpuTime();
            var round = Stopwatch.GetTimestamp();
            var measurement = await LatencyMeter.RunAsync(
                load.Workers, TimeSpan.Zero, TimeSpan.FromSeconds(1), () => CpuSnapshot.Take(upstream.Current, null), cancellationToken);
            jit = Math.Max(0, (service.TieredCompilationCpuTime() - compiled) / Stopwatch.GetElapsedTime(round));
            calls += measurement.SucceededOverall;
            quiet = jit < 0.02 ? quiet + 1 : 0;
            rounds++;
        }

        target.Calls.Value += calls;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  primed {service.Name.ToLowerInvariant()} with {calls:N0} calls in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s; " +
            $"its JIT thread last used {jit:0.00} of a core"));
    }
}
