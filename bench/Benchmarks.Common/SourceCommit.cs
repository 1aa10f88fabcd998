using System.Diagnostics;

namespace SlmPlatform.Benchmarks;

/// <summary>
/// The commit a run measured, so that a figure written into the docs says which code it belongs to: the short hash of
/// HEAD, marked "+ changes" when the working tree differs from it; "unknown" outside a git checkout.
/// </summary>
public static class SourceCommit
{
    public static string Describe(string? repositoryRoot = null)
    {
        var root = repositoryRoot ?? Environment.CurrentDirectory;
        var head = Git(root, "rev-parse --short HEAD");
        if (head is null)
        {
            return "unknown";
        }

        return Git(root, "status --porcelain --untracked-files=no") is { Length: > 0 } ? $"{head} + changes" : head;
    }

    private static string? Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
