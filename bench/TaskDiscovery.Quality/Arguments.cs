using System.CommandLine;

namespace SlmPlatform.TaskDiscovery.Quality;

/// <summary>
/// The command line: the full run (the default), the tuning grid (<c>--explore</c>), the cache's worth (<c>--cache</c>)
/// or the service's filing rate (<c>--filing</c>).
/// </summary>
internal static class Arguments
{
    public static readonly Option<string> Data = HarnessOptions.SharedData();

    public static readonly Option<bool> NoWrite = new("--no-write") { Description = "print the figures only, without writing them into docs/task-discovery.md" };

    public static readonly Option<bool> NoThroughput = new("--no-throughput") { Description = "skip embedding throughput beside raw ONNX Runtime" };

    public static readonly Option<bool> NoScale = new("--no-scale") { Description = "skip re-clustering 100,000 vectors" };

    public static readonly Option<bool> Explore = new("--explore") { Description = "run the tuning grid on a train sample instead (prints only)" };

    public static readonly Option<bool> Cache = new("--cache") { Description = "measure only what the content-hash embedding cache is worth per router call" };

    public static readonly Option<bool> Filing = new("--filing")
    {
        Description = "measure the tasks service's filing rate end to end beside raw ONNX Runtime instead (bench/run-filing-benchmark.sh starts the servers and passes the services)",
    };

    public static readonly Option<int> Calls = HarnessOptions.WholeNumber("--calls", "with --filing: calls to file", 3000);

    public static readonly Option<int> TasksReplicas = HarnessOptions.WholeNumber("--tasks-replicas", "with --filing: replicas of the tasks service filing together", 1);

    public static readonly Option<string> VectorStore = new Option<string>("--vector-store")
    {
        Description = "with --filing: the tasks service's vector store (embedded, or postgres, which replicas share)",
        DefaultValueFactory = _ => "embedded",
    }.AcceptOnlyFromAmong("embedded", "postgres");

    public static readonly Option<string> IngestDll = HarnessOptions.FullPath("--ingest-dll", "with --filing: the built ingest service");

    public static readonly Option<string> ScrubberDll = HarnessOptions.FullPath("--scrubber-dll", "with --filing: the built scrubber service");

    public static readonly Option<string> TasksDll = HarnessOptions.FullPath("--tasks-dll", "with --filing: the built tasks service");

    public static RootCommand Create() =>
        new("Topic clustering quality on BANKING77, embedding throughput beside raw ONNX Runtime, and re-clustering " +
            "100,000 vectors; writes the figures into docs/task-discovery.md.")
        {
            Data, NoWrite, NoThroughput, NoScale, Explore, Cache, Filing, Calls, TasksReplicas, VectorStore, IngestDll, ScrubberDll, TasksDll,
        };
}
