// Replays public data as an agent's captured LLM calls, posted to ingest: BANKING77 as an intent-router call site
// and BFCL as a tool-calling agent. The demo workload for ./run.sh, and the input of task discovery.
//   dotnet run --project samples/Replay -- [--ingest http://localhost:5101] [--key-file .slm/dev-api-key]
//       [--data ../shared/data, else .slm/demo-data] [--dataset banking77|bfcl|all] [--split test|train] [--limit N] [--tag-workloads]
//       [--report [--tasks http://localhost:5103]]   (then measures what the tasks service found: docs/task-discovery.md)
using SlmPlatform.Replay;

var options = ReplayOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: slm-replay [--ingest URL] [--key-file PATH | --key KEY] [--data DIR] [--dataset banking77|bfcl|all] [--split test|train] [--limit N] [--batch N] [--tag-workloads] [--report [--tasks URL]]");
    return 2;
}

if (!Directory.Exists(options.DataFolder))
{
    Console.Error.WriteLine($"No data at {options.DataFolder}: run eng/fetch-demo-data.sh, or pass --data with the folder that holds banking77/ and bfcl/.");
    return 1;
}

var records = Enumerable.Empty<System.Text.Json.Nodes.JsonObject>();
if (options.Dataset is "banking77" or "all")
{
    records = records.Concat(Banking77Calls.Read(Path.Combine(options.DataFolder, "banking77"), options.Split, options.TagWorkloads).Take(options.Limit));
}

if (options.Dataset is "bfcl" or "all")
{
    records = records.Concat(BfclCalls.Read(Path.Combine(options.DataFolder, "bfcl"), options.TagWorkloads).Take(options.Limit));
}

using var http = new HttpClient { BaseAddress = options.Ingest, Timeout = TimeSpan.FromMinutes(5) };
var (accepted, rejected) = await new IngestPoster(http, options.ApiKey).PostAsync(records, options.BatchSize, CancellationToken.None);
Console.WriteLine($"Replayed {options.Dataset}: {accepted} calls accepted, {rejected} rejected.");
if (options.Report)
{
    using var tasks = new HttpClient { BaseAddress = options.Tasks, Timeout = TimeSpan.FromMinutes(5) };
    tasks.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
    Console.WriteLine(await new DiscoveryReport(tasks).WriteAsync(accepted, TimeSpan.FromMinutes(15), CancellationToken.None));
}

return rejected == 0 ? 0 : 1;
