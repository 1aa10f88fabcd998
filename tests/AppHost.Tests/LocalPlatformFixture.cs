using System.Net.Sockets;
using SlmPlatform.Testing;

namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// The whole platform through its AppHost in local mode: Debian's PostgreSQL, Redis and RabbitMQ started as
/// executables on free ports, with a throw-away state folder, as <c>./run.sh</c> would start them.
/// </summary>
public sealed class LocalPlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DirectoryInfo? _state;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The LLM provider the gateway forwards to: no real one can be reached from here.</summary>
    public ScriptedUpstream Upstream { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        _state = Directory.CreateTempSubdirectory("slm-e2e-");
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user, which the server drops to under root, must be able to reach its data folder.
            _state.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.GroupRead | UnixFileMode.OtherExecute | UnixFileMode.OtherRead;
        }

        Upstream = await ScriptedUpstream.StartAsync();
        string[] args =
        [
            $"--Parameters:upstream-base-url={Upstream.BaseUrl}",
            $"--Parameters:upstream-api-key={ScriptedUpstream.ApiKey}",
            "--Infrastructure:Mode=local",
            $"--Infrastructure:StateDirectory={_state.FullName}",
            $"--Infrastructure:Ports:Postgres={FreePort()}",
            $"--Infrastructure:Ports:Redis={FreePort()}",
            $"--Infrastructure:Ports:RabbitMQ={FreePort()}",
            $"--Infrastructure:Ports:RabbitMQDist={FreePort()}",
            $"--Infrastructure:Ports:Epmd={FreePort()}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            args, (options, _) => options.DisableDashboard = true, token);

        App = await builder.BuildAsync(token);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(token);
        startup.CancelAfter(StartTimeout);
        await App.StartAsync(startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("ingest", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("calls", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("tasks", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("training", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("serving", startup.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("console", startup.Token);
        ApiKey = (await File.ReadAllTextAsync(Path.Combine(_state.FullName, "dev-api-key"), token)).Trim();
    }

    public HttpClient CreateClient(string resource)
    {
        var client = App.CreateHttpClient(resource, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>
    /// An agent's router calls (40 per intent) through ingest, until task discovery files all of them as one task; that
    /// task's id and name.
    /// </summary>
    public async Task<(Guid Id, string Name)> CaptureRouterTaskAsync(string agent)
    {
        const int PerIntent = 40;
        var token = TestContext.Current.CancellationToken;
        using var ingest = CreateClient("ingest");
        using var tasks = CreateClient("tasks");
        using var posted = await ingest.PostAsync("/v1/calls/batch", EndToEnd.Json(RouterCalls.Captured(agent, PerIntent)), token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var task = await EndToEnd.PollAsync(async () =>
        {
            var all = await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", token);
            return all.EnumerateArray().Where(t => t.GetProperty("agent").GetString() == agent && t.GetProperty("calls").GetInt64() == RouterCalls.Intents * PerIntent)
                .Select(t => t.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(60));
        Assert.NotNull(task);
        var found = JsonDocument.Parse(task).RootElement;
        return (found.GetProperty("id").GetGuid(), found.GetProperty("name").GetString()!);
    }

    public async Task<string> ConnectionStringAsync(string name) =>
        await App.GetConnectionStringAsync(name, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException($"No connection string '{name}'.");

    // Below Linux's ephemeral range (32768–60999): a port the OS hands out may become the source port of some outgoing
    // connection before the server binds it (CI saw Redis fail to bind so), one chosen here may not.
    private static readonly HashSet<int> Chosen = [];

    private static int FreePort()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            if (!Chosen.Add(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try another.
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        _state?.Delete(recursive: true);
    }
}
