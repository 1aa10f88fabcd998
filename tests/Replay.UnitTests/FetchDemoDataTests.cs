using System.Diagnostics;
using SlmPlatform.Testing;

namespace SlmPlatform.Replay.UnitTests;

/// <summary>
/// eng/fetch-demo-data.sh against a mirror laid out as the publishers' repositories are (the build machines cannot reach
/// the publishers), made from the local copy of the data where there is one and from a few self-made records where not:
/// it fetches every file the samples read, byte for byte, and a missing file fails the run by name without leaving part
/// of it behind.
/// </summary>
public sealed class FetchDemoDataTests : IDisposable
{
    private static readonly string Shared = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "data"));
    private readonly string _work = Directory.CreateTempSubdirectory("slm-fetch-").FullName;
    private string _source = Shared;

    [Fact]
    public async Task Fetches_EveryFileTheSamplesRead_FromThePublishersPaths()
    {
        var mirror = MakeMirror();
        var into = Path.Combine(_work, "data");

        var (exitCode, output) = await FetchAsync(mirror, into);

        Assert.True(exitCode == 0, output);
        foreach (var file in Directory.EnumerateFiles(_source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(_source, file);
            if (relative.StartsWith("presidio-synth", StringComparison.Ordinal))
            {
                continue; // the scrubbing benchmark's set, not the demo's
            }

            Assert.True(File.Exists(Path.Combine(into, relative)), $"{relative} was not fetched.");
            Assert.Equal(await File.ReadAllBytesAsync(file, Token), await File.ReadAllBytesAsync(Path.Combine(into, relative), Token));
        }

        var replayed = Banking77Calls.Read(Path.Combine(into, "banking77"), "test", false).Count() + BfclCalls.Read(Path.Combine(into, "bfcl"), false).Count();
        Assert.True(replayed > 0, "The replay reads nothing from the fetched data.");
        Assert.Equal(
            Banking77Calls.Read(Path.Combine(_source, "banking77"), "test", false).Count() + BfclCalls.Read(Path.Combine(_source, "bfcl"), false).Count(),
            replayed);
    }

    [Fact]
    public async Task AMissingFile_FailsTheRun_NamingIt_AndLeavesNoPartialFile()
    {
        var mirror = MakeMirror();
        File.Delete(Path.Combine(mirror, "ShishirPatil", "gorilla", "main", "berkeley-function-call-leaderboard", "bfcl_eval", "data", "BFCL_v4_multiple.json"));
        var into = Path.Combine(_work, "data");

        var (exitCode, output) = await FetchAsync(mirror, into);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("BFCL_v4_multiple.json", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(into, "bfcl", "BFCL_v4_multiple.json")));
        Assert.Empty(Directory.EnumerateFiles(into, "*.part", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The local copy (or self-made data), placed where the publishers keep each file.</summary>
    private string MakeMirror()
    {
        if (!Directory.Exists(Path.Combine(Shared, "banking77")) || !Directory.Exists(Path.Combine(Shared, "bfcl")))
        {
            _source = SelfMadeData.Write(Path.Combine(_work, "self-made"));
        }

        var mirror = Path.Combine(_work, "mirror");
        var banking77 = Path.Combine(mirror, "PolyAI-LDN", "task-specific-datasets", "master");
        var gorilla = Path.Combine(mirror, "ShishirPatil", "gorilla", "main");
        Copy(Path.Combine(_source, "banking77"), Path.Combine(banking77, "banking_data"));
        File.Move(Path.Combine(banking77, "banking_data", "LICENSE"), Path.Combine(banking77, "LICENSE"));
        Copy(Path.Combine(_source, "bfcl"), Path.Combine(gorilla, "berkeley-function-call-leaderboard", "bfcl_eval", "data"));
        File.Move(Path.Combine(gorilla, "berkeley-function-call-leaderboard", "bfcl_eval", "data", "LICENSE"), Path.Combine(gorilla, "LICENSE"));
        return mirror;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int ExitCode, string Output)> FetchAsync(string mirror, string into)
    {
        var start = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("eng", "fetch-demo-data.sh"), "--into", into, "--mirror", new Uri(mirror).AbsoluteUri])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output + await error);
    }
}
