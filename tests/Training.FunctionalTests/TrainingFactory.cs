using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SlmPlatform.Specialists.Datasets;
using JobStore = SlmPlatform.Training.Infrastructure.JobStore;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// The training service in-process against the test run's PostgreSQL and RabbitMQ, reading task calls from
/// <see cref="InMemoryTaskCalls"/> instead of the tasks and calls services.
/// </summary>
public sealed class TrainingFactory(IReadOnlyDictionary<string, string> settings, InMemoryTaskCalls calls) : WebApplicationFactory<JobStore>
{
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Debug and up: the level where a careless log line would most likely carry a value.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITaskCallSource>();
            services.AddSingleton<ITaskCallSource>(calls);
        });
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
