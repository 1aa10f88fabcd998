using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace SlmPlatform.Specialists.Generative.Native;

/// <summary>Makes TorchSharp's native bridge load on Linux distributions whose libstdc++ is older than the one it
/// was linked against (Debian 12: GLIBCXX_3.4.30; libLibTorchSharp.so 0.107 asks for GLIBCXX_3.4.32 only to mark
/// <c>std::ios_base_library_init</c>, which no relocation uses). At run time, before the first torch call, the
/// bridge's missing-but-unused version needs are marked weak in a private copy (cached by content hash), and
/// TorchSharp is pointed at that copy. Nothing is compiled or installed; a machine whose libstdc++ is new enough
/// is left untouched. See docs/adr/0007-tiny-generative-specialists.md.</summary>
public static class LibTorchRuntime
{
    private const string BridgeName = "LibTorchSharp";
    private const string BridgeFile = "libLibTorchSharp.so";
    private const string CacheVariable = "SLM_LIBTORCH_CACHE";
    private static readonly Lock Gate = new();
    private static bool s_ready;
    private static nint s_bridge;

    /// <summary>What the last <see cref="EnsureInitialized"/> did, for logs and diagnostics.</summary>
    public static string Description { get; private set; } = "not initialised";

    /// <summary>Loads libtorch for CPU use, repairing the bridge's version needs first where this system requires
    /// it. Idempotent and thread-safe; every public entry point of this library calls it.</summary>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (s_ready)
            {
                return;
            }

            if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64)
            {
                PrepareLinuxBridge();
            }
            else
            {
                Description = "no repair needed on this platform";
            }

            torch.InitializeDeviceType(DeviceType.CPU);
            s_ready = true;
        }
    }

    private static void PrepareLinuxBridge()
    {
        var original = FindBridge();
        if (original is null)
        {
            Description = $"{BridgeFile} not found beside the application; left to TorchSharp's own search";
            return;
        }

        var elf = ElfVersionNeeds.Read(original);
        var missing = MissingNeeds(elf);
        if (missing.Count == 0)
        {
            Description = $"{original} loads as shipped";
            return;
        }

        var bound = elf.VersionsBoundByRelocations();
        var used = missing.Where(n => bound.Contains(n.Index)).ToList();
        if (used.Count > 0)
        {
            throw new PlatformNotSupportedException(
                $"{original} needs {string.Join(", ", used.Select(n => $"{n.Version} from {n.Library}"))}, which this system lacks and " +
                "which it really calls; install a newer libstdc++ (GCC 13 or later). See docs/adr/0007-tiny-generative-specialists.md.");
        }

        foreach (var need in missing)
        {
            elf.MarkWeak(need);
        }

        var repaired = WriteRepairedCopy(original, elf.Image);

        // The copy lives outside the native folder, so its $ORIGIN run path no longer finds libtorch: load the
        // bridge's dependencies from the original folder first; the loader then matches them by soname.
        var folder = Path.GetDirectoryName(original)!;
        foreach (var dependency in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            var path = Path.Combine(folder, dependency);
            if (File.Exists(path))
            {
                NativeLibrary.Load(path);
            }
        }

        s_bridge = NativeLibrary.Load(repaired);
        var assembly = typeof(torch).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone else owns TorchSharp's resolver; the default probe fails on the original, which raises this.
            System.Runtime.Loader.AssemblyLoadContext.Default.ResolvingUnmanagedDll += (asm, name) => asm == assembly ? Resolve(name, asm, null) : 0;
        }

        Description = $"{original} needs {string.Join(", ", missing.Select(n => n.Version))} only as unused markers; loaded the copy {repaired} with them marked weak";
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name is BridgeName or BridgeFile or "libLibTorchSharp" ? s_bridge : 0;

    /// <summary>Needed versions from libstdc++ that the libstdc++ this process loads does not define.</summary>
    private static List<ElfVersionNeeds.Need> MissingNeeds(ElfVersionNeeds elf)
    {
        var needs = elf.Needs().Where(n => !n.Weak && n.Library.StartsWith("libstdc++", StringComparison.Ordinal)).ToList();
        if (needs.Count == 0)
        {
            return needs;
        }

        var library = LoadedPath(needs[0].Library);
        if (library is null)
        {
            return [];
        }

        var defined = ElfVersionNeeds.Read(library).DefinedVersions();
        return [.. needs.Where(n => !defined.Contains(n.Version))];
    }

    /// <summary>The file the dynamic loader picks for a soname, read from /proc/self/maps after loading it.</summary>
    private static string? LoadedPath(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, out _))
        {
            return null;
        }

        var stem = soname.Split(".so")[0] + ".so";
        return File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? line[slash..] : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).StartsWith(stem, StringComparison.Ordinal));
    }

    private static string? FindBridge()
    {
        var folders = new List<string> { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") };
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string searched)
        {
            folders.AddRange(searched.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        return folders.Select(f => Path.Combine(f, BridgeFile)).FirstOrDefault(File.Exists);
    }

    private static string WriteRepairedCopy(string original, byte[] image)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(original)))[..16];
        var root = Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), $"slm-libtorch-{Environment.UserName}");
        var folder = Path.Combine(root, hash);
        var target = Path.Combine(folder, BridgeFile);
        if (File.Exists(target) && SHA256.HashData(File.ReadAllBytes(target)).AsSpan().SequenceEqual(SHA256.HashData(image)))
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{BridgeFile}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, image);
        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
