using System.Diagnostics;

namespace SlmPlatform.Testing;

/// <summary>
/// A small tmpfs mounted for one test or run: a disk that can be filled until writes fail with "no space left on
/// device", and emptied again. Mounting needs root (or CAP_SYS_ADMIN), as CI and the fault suite have.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const string FillerName = ".filler";

    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a disk of <paramref name="bytes"/>; null where this process may not mount one.</summary>
    public static SmallDisk? TryMount(long bytes)
    {
        var path = Directory.CreateTempSubdirectory("slm-small-disk-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path) == 0)
        {
            return new SmallDisk(path);
        }

        Directory.Delete(path);
        return null;
    }

    /// <summary>The message a test skips with where <see cref="TryMount"/> gave nothing.</summary>
    public const string CannotMount = "This test fills a disk of its own, a tmpfs it mounts, and this process may not mount one (it needs root or CAP_SYS_ADMIN).";

    /// <summary>Writes a file until the disk refuses more: every write after it that needs space fails.</summary>
    public void Fill()
    {
        var chunk = new byte[64 * 1024];
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full. What is left is less than a chunk: fill it page by page.
        }

        try
        {
            while (true)
            {
                filler.Write(chunk.AsSpan(0, 4096));
            }
        }
        catch (IOException)
        {
            // Full to the last page.
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    public void Dispose()
    {
        // Lazy: a process that still holds a file here (a service being stopped) does not keep the mount.
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static int Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
