using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Calls.Infrastructure.CallStore;
using TaskStore = SlmPlatform.Tasks.Infrastructure.TaskStore;

namespace SlmPlatform.Tasks.FunctionalTests;

/// <summary>Ingest → scrubber → task discovery in-process on one virtual host and fresh databases.</summary>
public sealed class DiscoveryFixture : IAsyncLifetime
{
    public ServiceFactory<CallPublisher> Ingest { get; private set; } = null!;

    public ServiceFactory<CallStore> Calls { get; private set; } = null!;

    public ServiceFactory<TaskStore> Tasks { get; private set; } = null!;

    public CapturingQueue Discovered { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = await TestDatabase.CreateAsync("platformdb", token);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = await TestDatabase.CreateAsync("callsdb", token),
            ["ConnectionStrings:tasksdb"] = await TestDatabase.CreateAsync("tasksdb", token),
            ["ConnectionStrings:messaging"] = await TestVirtualHost.CreateAsync(token),
        };
        ApiKey = await TestApiKeys.CreateAsync(platformDb, "tenant-tasks-tests", token);
        Discovered = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(TaskDiscovered), token);
        Tasks = new ServiceFactory<TaskStore>(settings);
        Calls = new ServiceFactory<CallStore>(settings);
        Ingest = new ServiceFactory<CallPublisher>(settings);

        // Consumers bind their queues when their bus starts: downstream first, as the AppHost starts them.
        await WaitHealthyAsync(Tasks.CreateClient(), token);
        await WaitHealthyAsync(Calls.CreateClient(), token);
    }

    public async Task<List<JsonElement>> WaitForTasksAsync(Func<List<JsonElement>, bool> done, TimeSpan timeout)
    {
        using var client = Tasks.CreateClient(ApiKey);
        var deadline = DateTime.UtcNow + timeout;
        List<JsonElement> tasks;
        do
        {
            tasks = [.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks", TestContext.Current.CancellationToken)).EnumerateArray()];
            if (done(tasks))
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        return tasks;
    }

    private static async Task WaitHealthyAsync(HttpClient client, CancellationToken token)
    {
        using (client)
        {
            for (var attempt = 0; attempt < 100 && !(await client.GetAsync("/health", token)).IsSuccessStatusCode; attempt++)
            {
                await Task.Delay(100, token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Discovered is not null)
        {
            await Discovered.DisposeAsync();
        }

        foreach (IAsyncDisposable? factory in new IAsyncDisposable?[] { Ingest, Calls, Tasks })
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }
    }
}
