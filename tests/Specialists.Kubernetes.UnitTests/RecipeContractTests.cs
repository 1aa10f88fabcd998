using System.Diagnostics;

namespace SlmPlatform.Specialists.Kubernetes.UnitTests;

/// <summary>
/// The job's arguments against the recipe itself (deploy/training/train_lora.py --dry-run, which needs neither a GPU nor
/// the ML packages): what the launcher sends, the script accepts, and it reads the dataset format the platform exports.
/// </summary>
public sealed class RecipeContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slm-recipe-").FullName;

    [Fact]
    public async Task TheRecipe_AcceptsTheLaunchersArguments_AndReadsAnExportedDataset()
    {
        var dataset = Write("train.jsonl",
            """{"messages": [{"role": "system", "content": "Route."}, {"role": "user", "content": "Where is my card?"}, {"role": "assistant", "content": "{\"intent\": \"card_arrival\"}"}]}""",
            """{"messages": [{"role": "user", "content": "Weather in Paris?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]}], "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]}""");
        var request = new LoraJobRequest(Guid.NewGuid(), "Qwen/Qwen2.5-0.5B-Instruct", null, dataset, null, Path.Combine(_folder, "out"), new LoraHyperparameters(Rank: 4, Epochs: 1.5));

        var (exit, output, error) = await RunAsync([.. LoraJobSpec.Arguments(request), "--dry-run"]);

        Assert.True(exit == 0, error);
        var plan = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, plan.GetProperty("examples").GetInt32());
        Assert.Equal(1, plan.GetProperty("with_tools").GetInt32());
        Assert.Equal(4, plan.GetProperty("lora").GetProperty("rank").GetInt32());
        Assert.Equal(1.5, plan.GetProperty("epochs").GetDouble());
        Assert.Contains("adapter_model.safetensors", plan.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task ADatasetLineWithoutTheTeachersAnswer_IsRefusedNamingTheLine()
    {
        var dataset = Write("bad.jsonl",
            """{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}""",
            """{"messages": [{"role": "user", "content": "no answer"}]}""");
        var request = new LoraJobRequest(Guid.NewGuid(), "m", null, dataset, null, Path.Combine(_folder, "out"), new LoraHyperparameters());

        var (exit, _, error) = await RunAsync([.. LoraJobSpec.Arguments(request), "--dry-run"]);

        Assert.Equal(2, exit);
        Assert.Contains("bad.jsonl:2:", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> arguments)
    {
        var script = Path.Combine(RepositoryFiles.Root, "deploy", "training", "train_lora.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("python3 is not installed: the recipe's contract cannot be checked on this machine.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
